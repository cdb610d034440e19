"""Fit the paragraph scorer's weights (pipelines/scorer.py) and write pipelines/scorer_weights.json.

Examples: every paragraph the hand rules leave open on the fitting half of each shared set's pages (a page's
half is fixed by a hash of its id: the other half is held out for `--heldout` evaluation) and on the dev set's
pages. Labels: a shared-set paragraph is content when its word 4-shingles (its words, for a line of under four)
are in the page's gold text, the scorer's own tokens; a dev page lists its story and its furniture. A logistic
model with an L2 penalty, fitted by Newton's method in numpy (fitting only: scoring is a dot product). The
threshold is the lowest probability at which the drops on the fitting pages lose at most ``--max-loss`` of
their content words and are at least ``--min-precision`` boilerplate.

    python bench/fit_scorer.py [--jobs 2] [--limit N] [--dry-run]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
from common import ROOT, load_set

SETS = ("aeb", "dragnet", "cleaneval", "wcxb_dev")
WEIGHTS = ROOT / "pipelines" / "scorer_weights.json"
MAX_WORDS = 80
_WORD = re.compile(r"\w+")


def fitting_half(key: str) -> bool:
    """Half of a set's pages fit the weights; the other half is held out (stable across runs and machines)."""
    return hashlib.sha1(key.encode()).digest()[0] % 2 == 0


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _WORD.findall(text or "")]


def gold_label(paragraph: str, gold_tokens: list[str], gold_shingles: set) -> int | None:
    """1: boilerplate (not in the gold text), 0: content, None: no words to tell by."""
    tokens = _tokens(paragraph)
    if not tokens:
        return None
    if len(tokens) < 4:
        return 0 if f" {' '.join(tokens)} " in f" {' '.join(gold_tokens)} " else 1
    shingles = [tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3)]
    return 0 if sum(s in gold_shingles for s in shingles) >= 0.5 * len(shingles) else 1


def page_rows(args: tuple) -> list[tuple[dict, int, int]]:
    """(features, label, words) of the open paragraphs of one page, as the pipeline's cleaning sees them."""
    import pipelines.extract as extract
    from pipelines import engine, scorer
    from pipelines.cleaning import clean_paragraphs, tidy
    from pipelines.decode import DecodeStage
    from pipelines.paragraphs import Article

    logging.disable(logging.WARNING)
    key, url, html, label_of, replaced = args
    rows: list[tuple[dict, int, int]] = []

    def capture(paragraphs, title=None, page=None, **kwargs):
        candidates = [text for text in map(tidy, paragraphs) if text]
        article = Article(candidates, title, page, languages=kwargs.get("languages"))
        engine.run(article, frozenset({"scorer", *replaced}), shipped=False)
        for i, p in enumerate(article.paragraphs):
            if article.is_open(i) and p.words <= MAX_WORDS and (label := label_of(p.text)) is not None:
                rows.append((scorer.features(article, i), label, p.words))
        return clean_paragraphs(paragraphs, title=title, page=page, **kwargs)

    extract.clean_paragraphs = capture
    item = {"source": f"{key}.html", "url": url, "body": html, "content_type": "text/html"}
    try:
        extract.ExtractStage().process(DecodeStage().process(item))
    except Exception:  # noqa: BLE001 - a page without an article gives no rows
        pass
    return rows


class _GoldLabels:
    def __init__(self, gold: str) -> None:
        self.tokens = _tokens(gold)
        self.shingles = {tuple(self.tokens[i:i + 4]) for i in range(max(0, len(self.tokens) - 3))}

    def __call__(self, text: str) -> int | None:
        return gold_label(text, self.tokens, self.shingles)


class _ListedLabels:
    def __init__(self, content: list[str], boilerplate: list[str]) -> None:
        self.content = {" ".join(_tokens(t)) for t in content}
        self.boilerplate = {" ".join(_tokens(t)) for t in boilerplate}

    def __call__(self, text: str) -> int | None:
        key = " ".join(_tokens(text))
        return 0 if key in self.content else 1 if key in self.boilerplate else None


def work_items(limit: int, replaced: tuple[str, ...] = ()) -> list[tuple]:
    items = []
    for name in SETS:
        truth, pages = load_set(name, limit)
        items += [(f"{name}/{k}", truth[k].get("url"), pages[k], _GoldLabels(truth[k].get("text") or ""), replaced)
                  for k in sorted(pages) if fitting_half(k)]
    devset = ROOT / "bench" / "devset"
    expected = json.loads((devset / "expected.json").read_text(encoding="utf-8"))
    for name, page in sorted(expected.items())[:limit or None]:
        html = (devset / "pages" / name).read_bytes()
        labels = _ListedLabels(page["content"], page["boilerplate"])
        items.append((f"devset/{name}", page.get("url"), html, labels, replaced))
    return items


def fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray, l2: float) -> np.ndarray:
    """Logistic regression (the last column is the bias, not penalised) by Newton's method."""
    beta = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(x @ beta, -30, 30)))
        gradient = x.T @ (weight * (p - y)) + penalty * beta
        hessian = (x * (weight * p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-6:
            break
    return beta


def choose_threshold(p: np.ndarray, y: np.ndarray, words: np.ndarray, max_loss: float,
                     min_precision: float) -> float:
    """The lowest threshold whose drops lose ≤ max_loss of the content words and are ≥ min_precision
    boilerplate (by words)."""
    content_words = words[y == 0].sum()
    best = 1.0
    for t in np.arange(0.99, 0.49, -0.01):
        dropped = p >= t
        lost = words[dropped & (y == 0)].sum()
        gained = words[dropped & (y == 1)].sum()
        if dropped.any() and (lost > max_loss * content_words or gained < min_precision * (gained + lost)):
            break
        best = float(round(t, 2))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="first N pages of each set (0: all)")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--max-loss", type=float, default=0.002, help="share of content words drops may take")
    parser.add_argument("--min-precision", type=float, default=0.9)
    parser.add_argument("--replace", default="", help="hand rules (comma-separated) the scorer replaces: left "
                        "out while fitting, and whenever the weights are shipped")
    parser.add_argument("--dry-run", action="store_true", help="print the fit, write nothing")
    parser.add_argument("--rows", metavar="FILE.npz", help="save the labelled rows there, or read them if it exists")
    args = parser.parse_args()
    started = time.time()
    replaced = tuple(sorted(filter(None, args.replace.split(","))))
    from pipelines.engine import RULE_NAMES

    if set(replaced) - set(RULE_NAMES):
        parser.error(f"--replace: unknown rules {', '.join(sorted(set(replaced) - set(RULE_NAMES)))}")
    items = work_items(args.limit, replaced)
    if args.rows and Path(args.rows).exists():  # a re-fit with other settings on the same labelled rows
        saved = np.load(args.rows, allow_pickle=False)
        names, x, y, words = list(saved["names"]), saved["x"], saved["y"], saved["words"]
    else:
        rows: list[tuple[dict, int, int]] = []
        with ProcessPoolExecutor(args.jobs) as pool:
            for done, page in enumerate(pool.map(page_rows, items, chunksize=8), 1):
                rows += page
                if done % 200 == 0:
                    print(f"  {done}/{len(items)} pages, {len(rows)} paragraphs", file=sys.stderr, flush=True)
        names = sorted(rows[0][0])
        x = np.array([[r[0][n] for n in names] + [1.0] for r in rows])
        y = np.array([r[1] for r in rows], dtype=float)
        words = np.array([r[2] for r in rows], dtype=float)
        if args.rows:
            np.savez(args.rows, names=np.array(names), x=x, y=y, words=words)
    # a content paragraph weighs by its size: dropping a long one costs more than keeping a short menu line
    weight = np.where(y == 0, 1.0 + words / 20, 1.0)
    beta = fit(x, y, weight, args.l2)
    p = 1 / (1 + np.exp(-np.clip(x @ beta, -30, 30)))
    threshold = choose_threshold(p, y, words, args.max_loss, args.min_precision)
    dropped = p >= threshold
    print(f"{len(items)} pages, {len(y)} open paragraphs ({int(y.sum())} boilerplate); threshold {threshold}: "
          f"drops {int(dropped.sum())} ({int((dropped & (y == 1)).sum())} boilerplate, "
          f"{int((dropped & (y == 0)).sum())} content, {int(words[dropped & (y == 0)].sum())} content words)")
    for name, w in sorted(zip(names, beta[:-1], strict=True), key=lambda nw: -abs(nw[1])):
        print(f"  {name:20} {w:+.3f}")
    if args.dry_run:
        return
    model = {"features": names, "weights": [round(float(w), 4) for w in beta[:-1]],
             "bias": round(float(beta[-1]), 4), "threshold": threshold, "max_words": MAX_WORDS,
             "replaces": list(replaced),
             "fitted": {"pages": len(items), "paragraphs": len(y), "boilerplate": int(y.sum()),
                        "sets": [*SETS, "devset"], "half": "sha1(page id)[0] even", "l2": args.l2,
                        "max_loss": args.max_loss, "min_precision": args.min_precision,
                        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d"),
                        "seconds": round(time.time() - started)}}
    WEIGHTS.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {WEIGHTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
