"""A real bug in a stage under Scrapy (issue 24, item 10): the item fails and is dead-lettered with a digest
(exception type, message, innermost frame), and the whole traceback is in the crawl's log, even when the stage
ran in a CPU worker process (the exception crosses the process boundary with both)."""

import asyncio
import logging

import pytest
from scrapy.exceptions import DropItem

from pipelines.base import StageCrash
from pipelines.deadletter import read_entries


def test_a_crash_in_a_worker_keeps_its_traceback_in_the_log_and_a_digest_in_the_dead_letter(tmp_path, monkeypatch,
                                                                                          caplog):
    from helpers import scrapy_crawler

    from crawler.extensions import DeadLetterExtension
    from pipelines.language import LanguageStage

    monkeypatch.setenv("NEWSINDEX_HOME", str(tmp_path))
    crawler = scrapy_crawler()
    crawler.stats = type("Stats", (), {"values": {}, "inc_value": lambda self, k: self.values.__setitem__(
        k, self.values.get(k, 0) + 1)})()
    extension = DeadLetterExtension.from_crawler(crawler)
    spider = type("Spider", (), {"logger": logging.getLogger("crawl-test")})()
    item = {"source": "https://news.example/a", "url": "https://news.example/a", "paragraphs": None}
    stage = LanguageStage()
    stage.workers = 1  # in a worker process of the shared pool, as under a crawl
    with pytest.raises(DropItem) as caught:
        asyncio.run(stage.process_item(dict(item)))  # paragraphs=None: a TypeError inside the stage
    assert isinstance(caught.value, StageCrash) and "Traceback (most recent call last)" in caught.value.trace
    with caplog.at_level(logging.ERROR, logger="crawl-test"):
        extension.item_dropped(item, None, caught.value, spider)
    assert "Traceback (most recent call last)" in caplog.text and "TypeError" in caplog.text
    (entry,) = read_entries(tmp_path / "dead-letter.jsonl")[0]
    assert entry["reason"].startswith("language: unexpected TypeError: ")
    assert " (at " in entry["reason"] and ".py:" in entry["reason"] and "\n" not in entry["reason"]
    assert crawler.stats.values == {"newsindex/failed": 1}
