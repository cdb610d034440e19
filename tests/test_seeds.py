"""The five seed articles: every kind of boilerplate the seeds README names is gone, and every
content paragraph is kept exactly once. The boilerplate lines are listed by hand here."""

from collections import Counter

import pytest
from helpers import SEEDS

from pipelines.cleaning import tidy
from pipelines.extract import extract_text

BOILERPLATE = {
    "000_9b816a3f21cb8d63.txt": {},
    "001_7c4165a85ed386bf.txt": {
        "...": "navigation", "Politics Materials 16 November 2017 11:54 (UTC +04:00)": "category/timestamp",
        "Baku, Azerbaijan, Nov. 16": "dateline", "By Leman Zeynalova - Trend:": "byline",
        "Tags:": "tag list", "Latest": "tag list",
    },
    "002_17535f2944fa9c05.txt": {"All news": "navigation"},
    "003_3bb022c722742749.txt": {"|": "stray separator"},
    "004_1094e6563f4abb73.txt": {
        "Support The Moscow Times!": "donation", "paiment methods": "donation", "Not ready to support today?":
        "donation", "Remind me later.": "donation", "Read more": "read more",
    },
}
TITLES = {
    "001_7c4165a85ed386bf.txt": "Russia says Azerbaijan important strategic partner in Caucasus",
    "002_17535f2944fa9c05.txt": "Lavrov says Moscow-Baku cooperation can ensure security in South Caucasus",
    "004_1094e6563f4abb73.txt": "Russia to Assist Armenia-Azerbaijan Peace Talks – Lavrov",
}
# Paragraphs of boilerplate that are long, identified by their opening words.
BOILERPLATE_OPENINGS = ["… we have a small favor to ask", "We, the journalists of The Moscow Times",
                        "Your support, no matter how small", "Russia's Foreign Minister Sergei Lavrov (L)"]
# The lede that 002 repeats, shortened, after its subheading.
NEAR_REPEATS = ["Lavrov has expressed the hope that Armenia and Azerbaijan will display political will"]


@pytest.mark.parametrize("name", sorted(BOILERPLATE))
def test_seed_comes_out_clean(name):
    raw_lines = [tidy(x) for x in (SEEDS / name).read_text(encoding="utf-8").splitlines()]
    doc = extract_text((SEEDS / name).read_text(encoding="utf-8"))
    kept = Counter(doc["paragraphs"])

    for line in BOILERPLATE[name]:
        assert line not in kept, f"{line!r} should be removed"
    for opening in BOILERPLATE_OPENINGS + NEAR_REPEATS:
        assert not any(p.startswith(opening) for p in kept), opening
    assert doc["title"] == TITLES.get(name)
    assert all(count == 1 for count in kept.values()), "a paragraph is kept twice"

    def is_boilerplate(line: str) -> bool:
        return (line in BOILERPLATE[name] or line == TITLES.get(name)
                or any(line.startswith(o) for o in BOILERPLATE_OPENINGS + NEAR_REPEATS))

    content = {line for line in raw_lines if line and not is_boilerplate(line)}
    assert content == set(kept), f"missing: {content - set(kept)}; unexpected: {set(kept) - content}"


def test_seed_metadata():
    doc = extract_text((SEEDS / "001_7c4165a85ed386bf.txt").read_text(encoding="utf-8"))
    assert doc["author"] == ["Leman Zeynalova"]
    assert doc["published"] == "2017-11-16T11:54:00+04:00"


def test_subheadings_stay():
    doc2 = extract_text((SEEDS / "002_17535f2944fa9c05.txt").read_text(encoding="utf-8"))
    doc3 = extract_text((SEEDS / "003_3bb022c722742749.txt").read_text(encoding="utf-8"))
    assert "Nagorno-Karabakh conflict" in doc2["paragraphs"]
    assert "Advancing Russia-Armenia relations" in doc3["paragraphs"]
