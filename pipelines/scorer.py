"""One fitted combination of the signals the rules compute: a logistic model over a paragraph's features
(where it stands, its size and shape, its link share and container, its topic and title overlap, the
lexicon's hits, the reader/"we"/ask of an appeal, its neighbours' verdicts), whose weights are data
(``pipelines/scorer_weights.json``, written by ``bench/fit_scorer.py`` from paragraphs labelled by aligning
each page's paragraphs to its gold text). A dot product: no runtime dependency.

In the rule table it judges what the hand rules left open, and drops a paragraph only at a probability of
boilerplate at or above ``score_threshold`` (chosen on the fitting pages for recall). ``extract --explain``
shows each such removal's probability and its largest contributions.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from pipelines.lists import list_shape
from pipelines.textmeta import is_sentence, is_timestamp_line
from pipelines.verdicts import Reason

if TYPE_CHECKING:
    from pipelines.paragraphs import Article

WEIGHTS_FILE = "scorer_weights.json"
EDGE = 3  # paragraphs from either end that count as "at the edge"
LONG_WORDS = 20  # a paragraph this long is prose: the article's body runs from the first to the last one
TOP_CONTRIBUTIONS = 4
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1)
def model() -> dict | None:
    """The shipped weights ({"features": [...], "weights": [...], "bias": b, ...}), None when absent."""
    path = resources.files("pipelines") / WEIGHTS_FILE
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def replaced_rules() -> frozenset[str]:
    """The hand rules the shipped weights replace (none without weights)."""
    weights = model()
    return frozenset(weights.get("replaces", ())) if weights else frozenset()


# The features read off the page's HTML (the paragraph's block): the costly lookups, each valued in [0, 1].
PAGE_FEATURES = ("link_share", "container", "heading", "no_block")
BOUND_MARGIN = 1e-6  # the bound below skips a lookup only when the verdict is certain beyond rounding


def features(a: Article, i: int) -> dict[str, float]:
    """Paragraph i's signals as numbers (0–1 mostly); the same function feeds fitting and scoring."""
    return {**text_features(a, i), **page_features(a, i)}


def page_features(a: Article, i: int) -> dict[str, float]:
    """The signals of paragraph i's block on the page (``PAGE_FEATURES``)."""
    block = a.block(i) if a.page is not None else None
    return {"link_share": block.link_share if block else 0.0,
            "container": float(bool(block and block.container)),
            "heading": float(bool(block and block.heading)),
            "no_block": float(block is None)}


def text_features(a: Article, i: int) -> dict[str, float]:
    """The signals of paragraph i's text and its place in the article: everything but ``PAGE_FEATURES``."""
    p, n = a.paragraphs[i], len(a)
    body = a.prose_span
    overlap = a.overlap(i)
    title_words = a.title_words
    own = a.topic.words(i)
    lexicon = a.lexicon
    family, hits = lexicon.appeal_hits(p.text)
    neighbours = [a.reason(j) for j in (i - 1, i + 1) if 0 <= j < n]
    text = p.text.rstrip()
    found = {
        "log_words": math.log1p(p.words) / 5,
        "short": float(p.words <= 6),
        "sentence": float(is_sentence(p.text)),
        "position": i / (n - 1) if n > 1 else 0.0,
        "first_lines": float(i < EDGE),
        "last_lines": float(i >= n - EDGE),
        "after_body": float(body is None or i > body[1]),
        "before_body": float(body is None or i < body[0]),
        "topic_overlap": overlap if overlap is not None else 0.5,
        "no_topic_words": float(overlap is None),
        "title_overlap": len(own & title_words) / len(own) if own else 0.0,
        "furniture_phrase": float(p.words <= 12 and lexicon.furniture_family(p.text) is not None),
        "appeal_phrases": min(hits, 3) / 3 if family else 0.0,
        "reader": float(bool(lexicon.reader.search(p.unquoted))),
        "publication": float(bool(lexicon.publication.search(p.unquoted))),
        "ask": float(bool(lexicon.ask.search(p.unquoted))),
        "strong_ask": float(bool(lexicon.strong_ask.search(p.unquoted))),
        "quoted": 1.0 - len(p.unquoted) / max(1, len(p.lowered)),
        "list_shape": float(list_shape(p.text) is not None),
        "timestamp": float(p.words <= 20 and is_timestamp_line(p.text)),
        "ends_colon": float(text.endswith(":")),
        "ends_ellipsis": float(text.endswith(("...", "…"))),
        "digit_share": len(_DIGIT.findall(p.text)) / max(1, len(p.text)),
        "neighbour_dropped": float(any(r is not None for r in neighbours)),
        "neighbour_appeal": float(any(r in (Reason.DONATE, Reason.SUBSCRIBE) for r in neighbours)),
    }
    return found


def probability(weights: dict, values: dict[str, float]) -> tuple[float, list[tuple[str, float]]]:
    """P(boilerplate) and the features' contributions (weight × value), largest first."""
    parts = [(name, w * values.get(name, 0.0)) for name, w in zip(weights["features"], weights["weights"],
                                                                    strict=True)]
    z = weights["bias"] + sum(c for _, c in parts)
    parts.sort(key=lambda part: -abs(part[1]))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z)))), parts


def score_open(a: Article) -> None:
    """The fitted combination of every signal, over the paragraphs no hand rule decided: drops one whose
    probability of boilerplate is at least ``score_threshold``."""
    weights = model()
    if weights is None or not len(a):
        return
    threshold = a.config.score_threshold if a.config.score_threshold is not None else weights["threshold"]
    by_name = dict(zip(weights["features"], weights["weights"], strict=True))
    # A paragraph whose text signals keep it below the threshold whatever its block on the page holds (each
    # page feature at its most, 0 or 1, for its weight's sign) is kept without looking the block up.
    page_most = sum(max(0.0, by_name.get(name, 0.0)) for name in PAGE_FEATURES)
    cutoff = math.log(threshold / (1 - threshold)) - BOUND_MARGIN if 0 < threshold < 1 else None
    for i, p in enumerate(a.paragraphs):
        if not a.is_open(i) or p.words > weights.get("max_words", 80):
            continue
        values = text_features(a, i)
        if cutoff is not None and weights["bias"] + sum(
                by_name.get(name, 0.0) * v for name, v in values.items()) + page_most < cutoff:
            continue
        value, parts = probability(weights, {**values, **page_features(a, i)})
        if value >= threshold:
            top = {name: round(c, 2) for name, c in parts[:TOP_CONTRIBUTIONS] if c}
            a.drop(i, Reason.SCORED, "scorer", {"probability": round(value, 3), **top})
