"""The rule engine: one table fixes order and precedence, keeps are explicit and final, every threshold has one
home that a site may override, a rule can be left out (the ablation), and the fitted scorer's removals carry
their probability and contributions."""

from __future__ import annotations

import pytest

from pipelines import engine, scorer
from pipelines.cleaning import clean_paragraphs
from pipelines.paragraphs import Article
from pipelines.thresholds import DEFAULT
from pipelines.verdicts import Keep, Reason

BODY = ["The regional council approved the new tram line on Tuesday after a debate that lasted six hours.",
        "Construction is due to start in spring, and the first trams should run within three years of that.",
        "Opponents said the budget did not account for rising steel prices and asked for an independent review."]


def test_rule_names_are_unique_and_each_rule_has_its_pass():
    assert len(engine.RULE_NAMES) == len(set(engine.RULE_NAMES))
    for rule in engine.RULES:
        assert (rule.line is not None) == (rule.phase is engine.Phase.LINE), rule.name
        assert rule.apply is not None or rule.line is not None
        assert rule.doc and set(rule.thresholds) <= set(DEFAULT.__dataclass_fields__), rule.name


def test_every_verdict_names_the_rule_that_gave_it():
    cleaned = clean_paragraphs(["Home", *BODY, "Share", "Tags: trams, budget"], title="Tram line approved")
    assert cleaned.paragraphs == BODY
    assert [(r["reason"], r["rule"]) for r in cleaned.removed] == [
        ("navigation", "furniture"), ("share", "furniture"), ("tags", "furniture")]


def test_a_keep_is_explicit_and_final():
    """The rows of a list the article holds end the tail run with a keep, and no later rule takes them."""
    rows = ["1. Lyon", "2. Porto", "3. Gdańsk"]
    article = engine.run(Article([*BODY, *rows]))
    assert article.verdicts[-1].keep is Keep.LIST_ROW and article.verdicts[-1].rule == "tail-run"
    assert clean_paragraphs([*BODY, *rows]).paragraphs == [*BODY, *rows]
    # without the keep, the run would take the list's rows: "3. Gdańsk" alone is a short non-sentence
    assert engine.run(Article([*BODY, rows[2]])).verdicts[-1].drop is Reason.TRAILING_FURNITURE


def test_the_colon_rule_overturns_only_position_drops():
    article = engine.run(Article([*BODY, "These are the three cities that made a bid:", "Lyon", "Porto", "Share"]))
    verdicts = article.verdicts[len(BODY) + 1:]
    assert [v.keep for v in verdicts[:2]] == [Keep.INTRODUCED, Keep.INTRODUCED]
    assert verdicts[2].drop is Reason.SHARE  # a share line after it stays removed


@pytest.mark.parametrize("rule, line", [
    ("furniture", "Share"), ("read-also", "Read also: Tram fares rise again as the council votes on its new budget"),
    ("byline", "By Anna Weber")])
def test_a_rule_left_out_decides_nothing(rule, line):
    paragraphs = [*BODY, line] if rule != "byline" else [line, *BODY]
    assert line not in clean_paragraphs(paragraphs).paragraphs
    kept = clean_paragraphs(paragraphs, disabled=frozenset({rule})).paragraphs
    assert line in kept or rule == "furniture"  # "Share" left by the furniture rule is still trailing furniture
    if rule == "furniture":
        removed = clean_paragraphs(paragraphs, disabled=frozenset({rule})).removed
        assert [r["rule"] for r in removed] == ["tail-run"]


def test_thresholds_have_one_home_and_a_site_may_override_them():
    line = "More from our city desk"  # five words, not a sentence: trailing furniture by its size
    assert line not in clean_paragraphs([*BODY, line]).paragraphs
    tight = DEFAULT.with_overrides({"edge_max_words": 3})
    assert line in clean_paragraphs([*BODY, line], config=tight).paragraphs
    for bad, message in [({"edge_max_word": 3}, "unknown threshold 'edge_max_word'"),
                         ({"edge_max_words": 2.5}, "wants a whole number"), ({"off_topic": 2}, "out of range"),
                         ({"off_topic": True}, "wants a number")]:
        with pytest.raises(ValueError, match=message):
            DEFAULT.with_overrides(bad)


SOURCES = """
sites:
  daily:
    domains: [daily.example]
    feeds: [https://daily.example/rss]
    rules:
      thresholds: {edge_max_words: 3}
"""


def test_a_sites_thresholds_reach_its_pages_only(tmp_path):
    from crawler.sites import extraction_rules, load_sites
    from pipelines.extract import ExtractStage

    sources = tmp_path / "sources.yaml"
    sources.write_text(SOURCES)
    stage = ExtractStage(site_rules=extraction_rules(load_sites(sources)))
    assert stage.config_for("https://daily.example/2024/tram").edge_max_words == 3
    assert stage.config_for("https://www.daily.example/x").edge_max_words == 3
    assert stage.config_for("https://other.example/x") is DEFAULT
    body = "".join(f"<p>{p}</p>" for p in BODY)
    html = (f"<html><head><title>Tram line approved</title></head><body><article><h1>Tram line approved</h1>{body}"
            "<p>More from our city desk</p></article></body></html>").encode()

    def paragraphs(url: str) -> list[str]:
        item = {"source": "x.html", "url": url, "raw": html.decode(), "kind": "html"}
        return stage.process(item)["paragraphs"]

    assert "More from our city desk" in paragraphs("https://daily.example/2024/tram")
    assert "More from our city desk" not in paragraphs("https://other.example/2024/tram")


def test_a_bad_threshold_in_the_sources_file_is_one_line(tmp_path):
    from crawler.sites import load_sites
    from pipelines.errors import NewsindexError

    sources = tmp_path / "sources.yaml"
    sources.write_text(SOURCES.replace("edge_max_words: 3", "edge_max_wordz: 3"))
    with pytest.raises(NewsindexError, match=r"site 'daily': rules: thresholds: unknown threshold 'edge_max_wordz'"):
        load_sites(sources)


def test_the_scorer_is_a_dot_product_of_shipped_weights():
    weights = scorer.model()
    assert weights is not None, "pipelines/scorer_weights.json is shipped (bench/fit_scorer.py writes it)"
    assert len(weights["features"]) == len(weights["weights"]) and 0.5 <= weights["threshold"] <= 1
    article = Article([*BODY, "Follow us"])
    values = scorer.features(article, len(BODY))
    assert set(values) == set(weights["features"])
    p, parts = scorer.probability(weights, values)
    z = weights["bias"] + sum(w * values[n] for n, w in zip(weights["features"], weights["weights"], strict=True))
    assert p == pytest.approx(1 / (1 + 2.718281828459045 ** -z))
    assert abs(parts[0][1]) >= abs(parts[-1][1])  # contributions largest first


def test_a_scored_removal_carries_its_probability_and_contributions():
    article = Article(list(BODY))
    article.config = DEFAULT.with_overrides({"score_threshold": 0.0})  # every open paragraph scores above 0
    scorer.score_open(article)
    verdict = article.verdicts[0]
    assert verdict.drop is Reason.SCORED and verdict.rule == "scorer"
    assert 0 < verdict.signals["probability"] < 1 and len(verdict.signals) >= 2
    cleaned = clean_paragraphs([*BODY, "Follow us"], config=DEFAULT.with_overrides({"score_threshold": 0.0}))
    # the guard keeps an article the rules would empty; every would-be removal is listed with its score
    assert cleaned.paragraphs == [*BODY, "Follow us"]
    scored = [r for r in cleaned.removed if r["rule"] == "scorer"]
    assert scored and all(0 < r["score"] < 1 and r["kept_anyway"] for r in scored)


def _score_every_paragraph(article: Article) -> None:
    """score_open without its bound: every open paragraph's full features, in order (the reference)."""
    weights = scorer.model()
    threshold = article.config.score_threshold
    for i, p in enumerate(article.paragraphs):
        if article.is_open(i) and p.words <= weights.get("max_words", 80):
            value, _ = scorer.probability(weights, scorer.features(article, i))
            if value >= threshold:
                article.drop(i, Reason.SCORED, "scorer", {})


@pytest.mark.parametrize("threshold", [0.05, 0.3, 0.5, 0.7, 0.87, 0.97])
def test_the_scorers_bound_skips_no_paragraph_it_would_drop(threshold):
    """The page lookups skipped for a paragraph whose text alone keeps it under the threshold change no verdict:
    at every threshold the same paragraphs go as when every paragraph is scored in full."""
    from pipelines.signals import PageSignals

    lines = [*BODY, "Follow us on social media", "Support our newsroom: become a member today.",
             "Photo: Reuters", "Related: Tram fares rise", "Share this article", "Most read", "Newsletter"]
    html = ("<html><body><article>" + "".join(f"<p>{line}</p>" for line in BODY) + "</article>"
            "<aside class='promo'><a href='/m'>Follow us on social media</a><p>Support our newsroom: become a "
            "member today.</p></aside><ul><li><a href='/r'>Related: Tram fares rise</a></li><li><a href='/s'>"
            "Share this article</a></li><li><a href='/x'>Most read</a></li></ul><p>Photo: Reuters</p></body></html>")
    config = DEFAULT.with_overrides({"score_threshold": threshold})
    bounded, full = (Article(lines, title="Tram line approved", page=PageSignals(html), config=config)
                     for _ in range(2))
    scorer.score_open(bounded)
    _score_every_paragraph(full)
    assert [v and v.drop for v in bounded.verdicts] == [v and v.drop for v in full.verdicts]
    assert any(v is not None for v in full.verdicts) or threshold > 0.5
