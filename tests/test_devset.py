"""The project's own multilingual dev set (bench/devset: 72 pages, 6 languages, 6 layouts): every story
paragraph kept, and kept once, every piece of furniture removed, title, author, date and tags found."""

import json
import sys

import pytest
from helpers import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import eval_devset  # noqa: E402


@pytest.fixture(scope="module")
def result():
    return eval_devset.run()


def test_the_dev_set_covers_six_languages_and_six_layouts():
    expected = json.loads((ROOT / "bench" / "devset" / "expected.json").read_text(encoding="utf-8"))
    assert len(expected) >= 40
    assert len({name.split("-")[0] for name in expected}) >= 6
    layouts = {name.rsplit("-", 1)[1].split(".")[0] for name in expected}
    assert layouts == {"news", "blog", "magazine", "app", "gallery", "text"}


@pytest.mark.parametrize("kind", ["content", "once", "boilerplate", "title", "author", "published", "tags"])
def test_every_check_passes(result, kind):
    failures = [f for f in result["failures"] if f": {kind}: " in f or "no document" in f]
    assert result["passed"][kind] == result["total"][kind], failures


def test_a_lost_paragraph_fails_the_check():
    """The scorer itself: a page missing one story paragraph, or keeping one appeal, fails."""
    want = {"title": "T", "author": "A B", "published": "2024-01-02", "tags": ["x"],
            "content": ["First paragraph of the story.", "Second paragraph of the story."],
            "boilerplate": ["Please support us."]}
    doc = {"title": "T", "author": ["A B"], "published": "2024-01-02T00:00:00", "tags": ["x"],
           "paragraphs": ["First paragraph of the story.", "Please support us."]}
    failed = {(kind, what) for kind, what, ok in eval_devset.check_page(doc, want) if not ok}
    assert failed == {("content", "Second paragraph of the story."), ("boilerplate", "Please support us.")}
