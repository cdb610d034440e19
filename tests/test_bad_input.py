"""Every bad-input kind: a clear reason per file, the run goes on, failures are dead-lettered
and can be replayed."""

import gzip
import json

import pytest

from newsindex.ingest import Summary, documents, replay_sources
from pipelines.config import load_settings
from pipelines.deadletter import DeadLetter, read_entries
from pipelines.decode import decode_body

SENTENCES = [
    "The central bank raised its key rate by half a point on Friday, citing persistent inflation in services.",
    "Analysts had expected a smaller move, and bond yields rose sharply after the announcement was made.",
    "The governor said further increases could not be ruled out if price growth failed to slow this year.",
    "Retailers warned that higher borrowing costs would weigh on spending during the holiday season.",
    "The currency strengthened against the dollar and the euro in late trading on the news from the bank.",
    "Mortgage lenders are expected to pass the increase on to households within the coming weeks.",
]
ARTICLE = ("<html><head><title>Rates rise</title></head><body><article><h1>Rates rise</h1>"
           + "".join(f"<p>{s}</p>" for s in SENTENCES) + "</article></body></html>")


@pytest.fixture
def run(tmp_path):
    def _run(*paths):
        settings = load_settings(home=tmp_path / "home", store_path=tmp_path / "store.sqlite", es_url=None)
        dead = DeadLetter(tmp_path / "dead.jsonl")
        summary = Summary()
        docs = list(documents(settings, [str(p) for p in paths], dead, summary))
        entries = read_entries(dead.path)[0] if dead.path.exists() else []
        return docs, summary, {e["source"]: e["reason"] for e in entries}
    return _run


def test_each_bad_file_gets_a_reason_and_the_run_goes_on(tmp_path, run, capsys):
    good = tmp_path / "good.html"
    good.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.html").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "huge.html").write_bytes(b"<html><body>" + b"<p>word </p>" * 2_000_000 + b"</body></html>")
    (tmp_path / "noarticle.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (tmp_path / "broken.txt.gz").write_bytes(b"not gzip at all")
    docs, summary, dead = run(tmp_path, tmp_path / "missing.html")

    assert [d["source"] for d in docs] == [str(good)]
    assert summary.failed == 6 and len(dead) == 6
    assert "empty" in dead[str(tmp_path / "empty.txt")]
    assert "binary" in dead[str(tmp_path / "binary.html")]
    assert "too large" in dead[str(tmp_path / "huge.html")]
    assert "no article" in dead[str(tmp_path / "noarticle.html")]
    assert "unreadable" in dead[str(tmp_path / "broken.txt.gz")]
    assert "no such file" in dead[str(tmp_path / "missing.html")]
    err = capsys.readouterr().err.strip().splitlines()
    assert all(line.startswith("newsindex: ") and line.count("\n") == 0 for line in err) and len(err) == 6


def test_replay_runs_failures_again(tmp_path, run):
    bad = tmp_path / "later.txt"
    bad.write_bytes(b"")
    _, _, dead = run(bad)
    assert list(dead) == [str(bad)]
    bad.write_text("The central bank raised its key rate by half a point on Friday, citing persistent inflation.\n"
                   "Analysts had expected a smaller move, and bond yields rose sharply after the announcement.\n")
    replay = replay_sources(tmp_path / "dead.jsonl")
    assert replay.sources == [str(bad)] and (tmp_path / "dead.jsonl").exists()  # nothing moved before the run
    replay.begin()
    assert not (tmp_path / "dead.jsonl").exists() and (tmp_path / "dead.jsonl.replaying").exists()
    docs, summary, dead = run(*replay.sources)
    replay.finish()
    assert (tmp_path / "dead.jsonl.replayed").exists() and not (tmp_path / "dead.jsonl.replaying").exists()
    assert len(docs) == 1 and summary.failed == 0 and dead == {}


@pytest.mark.parametrize("encoding, declared", [("cp1251", False), ("cp1251", True), ("latin-1", True),
                                                ("latin-1", False)])
def test_non_utf8_encodings(encoding, declared):
    text = {"cp1251": "Центральный банк повысил ключевую ставку на полпроцента в пятницу, сославшись на инфляцию.",
            "latin-1": "La banque centrale a relevé son taux directeur vendredi, évoquant une inflation."}[encoding]
    meta = f'<meta charset="{encoding}">' if declared else ""
    html = f"<html><head>{meta}</head><body><p>{text}</p></body></html>".encode(encoding)
    decoded, used = decode_body(html)
    assert text in decoded, used


def test_gzip_and_truncated_html(tmp_path, run):
    gz = tmp_path / "page.html.gz"
    gz.write_bytes(gzip.compress(ARTICLE.encode()))
    truncated = tmp_path / "truncated.html"
    truncated.write_text(ARTICLE[: len(ARTICLE) * 2 // 3])
    docs, summary, dead = run(gz, truncated)
    assert summary.failed == 0 and len(docs) == 2
    assert all(len(d["paragraphs"]) >= 3 for d in docs)
    assert json.loads(json.dumps(docs[0])) == docs[0]  # plain JSON data all the way (no tuples, no datetimes)


def test_replay_keeps_crawl_failures_for_the_next_crawl(tmp_path, capsys):
    dead = DeadLetter(tmp_path / "dead.jsonl")
    dead.record("/data/page.html", "read: unreadable")
    dead.record("https://news.example/a", "HTTP 500", url="https://news.example/a", stage="crawl/fetch")
    replay = replay_sources(tmp_path / "dead.jsonl")
    assert replay.sources == ["/data/page.html"]
    replay.begin()
    kept, _ = read_entries(tmp_path / "dead.jsonl")
    assert [(e["source"], e["reason"]) for e in kept] == [("https://news.example/a", "HTTP 500")]
    assert "next `newsindex crawl`" in capsys.readouterr().err
