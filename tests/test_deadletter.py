"""The dead-letter file under stress: one writer per file and process, a torn last line that does not swallow
the next failure, two processes at once that write each input once, and no credentials stored."""

import json
import multiprocessing

from pipelines.deadletter import DeadLetter, read_entries


def test_one_writer_per_file_and_process(tmp_path):
    assert DeadLetter(tmp_path / "dead.jsonl") is DeadLetter(str(tmp_path / "dead.jsonl"))
    assert DeadLetter(tmp_path / "dead.jsonl") is not DeadLetter(tmp_path / "other.jsonl")


def test_a_torn_last_line_does_not_swallow_the_next_failure(tmp_path):
    path = tmp_path / "dead.jsonl"
    path.write_text(json.dumps({"source": "a.html", "reason": "x"}) + "\n" + '{"source": "b.html", "rea')  # torn
    assert DeadLetter(path).record("c.html", "decode: not text")
    entries, warnings = read_entries(path)
    assert [e["source"] for e in entries] == ["a.html", "c.html"]
    assert len(warnings) == 1 and ":2: skipped" in warnings[0]


def _write_all(path: str, start) -> None:
    start.wait()
    writer = DeadLetter(path)
    for number in range(200):
        writer.record(f"/data/{number}.html", "extract: no article")


def test_two_processes_at_once_write_each_input_once(tmp_path):
    path = str(tmp_path / "dead.jsonl")
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    workers = [context.Process(target=_write_all, args=(path, start)) for _ in range(2)]
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join(60)
    entries, warnings = read_entries(path)
    assert sorted(e["source"] for e in entries) == sorted(f"/data/{n}.html" for n in range(200)) and not warnings


def test_a_file_moved_aside_is_written_anew(tmp_path):
    path = tmp_path / "dead.jsonl"
    assert DeadLetter(path).record("https://news.example/a", "HTTP 500", url="https://news.example/a")
    path.rename(tmp_path / "moved.jsonl")
    assert DeadLetter(path).record("https://news.example/a", "HTTP 500", url="https://news.example/a")
    assert len(read_entries(path)[0]) == 1


def test_credentials_in_a_url_are_not_stored(tmp_path):
    path = tmp_path / "dead.jsonl"
    DeadLetter(path).record("https://user:s3cret@news.example/a", "HTTP 500", url="https://user:s3cret@news.example/a")
    assert "s3cret" not in path.read_text() and read_entries(path)[0][0]["url"] == "https://news.example/a"
