"""Per-site quality alarms: a site's figures are remembered run by run, and a jump against its own history
(a layout change) is reported by the run and by `newsindex quality`."""

from newsindex.cli import main
from newsindex.ingest import Summary, documents
from pipelines.config import load_settings
from pipelines.quality import QualityStore, SiteFigures

STORY = ["The regional council approved the new tram line on Tuesday after a debate that lasted six hours.",
         "Construction is due to start in spring, and the first trams should run within three years of that.",
         "Opponents said the budget did not account for rising steel prices and asked for an independent review."]


def figures(docs: int, empty: int = 0, removed_words: int = 0) -> SiteFigures:
    return SiteFigures(docs=docs, empty=empty, words_kept=1000, words_removed=removed_words)


def test_a_jump_against_the_sites_own_history_is_an_alarm(tmp_path):
    store = QualityStore(tmp_path / "q.sqlite")
    for run in range(3):
        store.record("daily.example", figures(20, empty=1, removed_words=100), f"2026-01-0{run + 1}")
        store.record("steady.example", figures(20, removed_words=100), f"2026-01-0{run + 1}")
    assert store.alarms("daily.example") == []
    store.record("daily.example", figures(20, empty=12, removed_words=1500), "2026-01-04")
    store.record("steady.example", figures(20, removed_words=150), "2026-01-04")
    store.record("tiny.example", figures(2, empty=2), "2026-01-04")  # too few documents to judge
    alarms = {a.figure for a in store.alarms("daily.example")}
    assert alarms == {"removed_share", "empty_share"}
    assert store.alarms("steady.example") == [] and store.alarms("tiny.example") == []
    assert "a layout change?" in store.alarms("daily.example")[0].line()


def write_site(folder, layout: str, count: int = 6):
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        if layout == "article":
            body = "".join(f"<p>Story {i}: {p}</p>" for p in STORY)
            page = f"<html><head><title>Story {i}</title></head><body><article><h1>Story {i}</h1>{body}</article>"
        else:  # the new layout puts the story where the extractor no longer finds it
            page = "<html><head><title></title></head><body><nav><a href='/'>Home</a></nav>"
        (folder / f"story-{i}.html").write_text(page + "</body></html>")


def test_a_layout_change_raises_the_alarm_in_the_run_and_in_newsindex_quality(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NEWSINDEX_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("NEWSINDEX_STORE_PATH", str(tmp_path / "store.sqlite"))
    monkeypatch.setenv("NEWSINDEX_SOURCES", str(tmp_path / "none.yaml"))
    settings = load_settings()
    for run in range(2):
        write_site(tmp_path / f"run{run}" / "daily", "article")
        summary = Summary()
        assert len(list(documents(settings, [str(tmp_path / f"run{run}" / "daily")], None, summary))) == 6
        assert summary.alarms == []
    write_site(tmp_path / "run2" / "daily", "changed")
    summary = Summary()
    assert list(documents(settings, [str(tmp_path / "run2" / "daily")], None, summary)) == []
    assert summary.failed == 6 and any("empty share 100% against 0%" in a for a in summary.alarms)
    assert main(["quality"]) == 1
    out = capsys.readouterr().out
    assert "quality alarm: folder:daily: empty share" in out and "untitled share" in out


def test_a_preview_records_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSINDEX_HOME", str(tmp_path / "home"))
    write_site(tmp_path / "daily", "article")
    assert main(["extract", str(tmp_path / "daily")]) == 0
    assert not (tmp_path / "home" / "quality.sqlite").exists()
    assert main(["extract", "--store", str(tmp_path / "daily")]) == 0
    assert (tmp_path / "home" / "quality.sqlite").exists()
