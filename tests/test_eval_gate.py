"""The evaluation gate (bench/eval_gate.py): a figure that falls by more than the paired-bootstrap noise fails;
the same pages, or one page a little worse, hold."""

import statistics
import sys
from types import SimpleNamespace

from helpers import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import eval_gate  # noqa: E402


def _metrics(tfs):
    """The scorer's figures: means of per-page P (pages with a prediction) and R, F1 of the means."""
    p = statistics.mean(tp / (tp + fp) for tp, fp, fn in tfs if tp + fp)
    r = statistics.mean(tp / (tp + fn) for tp, fp, fn in tfs if tp + fn)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r)}


SCORER = SimpleNamespace(metrics_from_tp_fp_fns=_metrics)
PINNED = {f"p{i}": [0.8, 0.1, 0.1] for i in range(300)}


def test_the_same_pages_hold():
    assert eval_gate.compare(SCORER, PINNED, dict(PINNED)) == []


def test_one_page_a_little_worse_is_noise():
    worse = {**PINNED, "p7": [0.7, 0.1, 0.2]}
    assert eval_gate.compare(SCORER, PINNED, worse) == []


def test_recall_lost_on_many_pages_fails():
    worse = {k: ([0.64, 0.08, 0.28] if int(k[1:]) % 5 == 0 else v) for k, v in PINNED.items()}  # same precision
    fell = eval_gate.compare(SCORER, PINNED, worse)
    assert any(line.startswith("recall -") for line in fell) and any(line.startswith("f1 -") for line in fell)
    assert not any(line.startswith("precision") for line in fell)


def test_one_more_empty_page_fails():
    empty = {**PINNED, "p3": [0.0, 0.0, 1.0]}
    assert "empty pages 0 → 1" in eval_gate.compare(SCORER, PINNED, empty)
