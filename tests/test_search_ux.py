"""Search as users meet it, against the real node: sort orders, match-all listings, case-insensitive keyword
filters, highlight markers (explicit in --json, bold on a terminal, plain when piped), a closed pipe, and
counts in words that agree."""

import json
import os
import subprocess
import sys

import pytest
from helpers import ROOT, SEEDS

from newsindex.cli import main
from newsindex.search import marked

pytestmark = pytest.mark.es
BIN = os.path.dirname(sys.executable)


def newsindex(*args, env):
    return subprocess.run([os.path.join(BIN, "newsindex"), *args], env={**os.environ, **env}, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def seeded(es_env, capsys):
    assert main(["ingest", str(SEEDS)]) == 0
    capsys.readouterr()
    return es_env


def dates(result):
    return [h.get("published") for h in result["hits"]]


def test_sort_orders_and_match_all_lists_newest_first(seeded, capsys):
    assert main(["search", "*", "--json", "--no-collapse"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert listing["total"] == 5 and dates(listing)[0].startswith("2017-11-16")  # the only dated seed first
    assert all(h["highlight"]["text"] for h in listing["hits"])  # a snippet without any match
    assert main(["search", "Lavrov", "--json", "--sort", "oldest", "--no-collapse"]) == 0
    oldest = json.loads(capsys.readouterr().out)
    assert oldest["hits"][0]["published"].startswith("2017-11-16") and oldest["hits"][-1]["published"] is None
    assert main(["search", "Lavrov", "--json", "--sort", "relevance"]) == 0
    scores = [h["score"] for h in json.loads(capsys.readouterr().out)["hits"]]
    assert scores == sorted(scores, reverse=True)


def test_keyword_filters_ignore_case_and_show_values_as_stored(seeded, capsys):
    assert main(["search", "Lavrov", "--json", "--lang", "EN", "--author", "leman zeynalova"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["total"] == 1 and found["hits"][0]["author"] == ["Leman Zeynalova"]
    assert found["hits"][0]["language"] == "en"


def test_highlight_markers(seeded, capsys):
    assert main(["search", "Yerevan", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["highlight_tags"] == {"pre": "<mark>", "post": "</mark>", "encoding": "html"}
    assert any("<mark>Yerevan</mark>" in f for h in found["hits"] for f in h["highlight"]["text"])
    piped = newsindex("search", "Yerevan", env=seeded).stdout
    assert "Yerevan" in piped and "<mark>" not in piped and "\033[" not in piped and "«" not in piped
    assert marked("the <mark>Yerevan</mark> talks &amp; more", bold=True) == "the \033[1mYerevan\033[0m talks & more"


def test_counts_in_words_agree(seeded):
    one = newsindex("search", "Lavrov", "--author", "Leman Zeynalova", env=seeded).stdout
    assert one.startswith("1 article matches")
    assert newsindex("search", "Lavrov", env=seeded).stdout.split(" match ")[0].endswith("articles")


def test_a_closed_pipe_is_not_an_error(seeded):
    proc = subprocess.run(f"'{os.path.join(BIN, 'newsindex')}' search '*' --size 50 | head -1", shell=True,
                          env={**os.environ, **seeded}, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and proc.stdout.strip().endswith("match '*'")
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


def test_author_names_are_searchable_as_text(seeded, capsys):
    """The byline left the text (it is the author field now): a search for the author's surname finds it."""
    assert main(["search", "zeynalova", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["total"] == 1 and found["hits"][0]["author"] == ["Leman Zeynalova"]


@pytest.mark.parametrize(("query", "said"), [("(" * 40 + "karabakh" + ")" * 40, "nests parentheses 40 deep"),
                                             ("(" * 20_000 + "karabakh" + ")" * 20_000, "characters; at most"),
                                             (" ".join(f"word{i}" for i in range(10_000)), "characters; at most"),
                                             (" ".join(f"w{i}" for i in range(300)), "has 300 terms; at most")])
def test_an_oversized_query_is_one_line_and_the_node_still_answers(seeded, query, said):
    refused = newsindex("search", query, env=seeded)
    assert refused.returncode == 2 and said in refused.stderr, refused.stderr[-500:]
    assert len(refused.stderr.strip().splitlines()) == 1 and "Traceback" not in refused.stderr
    after = newsindex("search", "Nagorno-Karabakh", "--json", env=seeded)
    assert after.returncode == 0 and json.loads(after.stdout)["total"] == 5
