"""The cleaning engine's generated tables for docs/extraction.md (``bench/render_docs.py`` registers them):
the rule table in its order of precedence (``pipelines.engine.RULES``), every threshold with its default
(``pipelines.thresholds.CleaningConfig``), the fitted scorer's weights, and the per-rule ablation table
(``bench/results/ablation.json``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields

from render_common import load, missing, table


def engine_table() -> str:
    from pipelines.engine import RULES

    rows = []
    for order, rule in enumerate(RULES, 1):
        gives = ", ".join(f"`{g}`" if g.__class__.__name__ == "Reason" else f"keep: `{g}`" for g in rule.gives)
        overrides = f" (overturns {', '.join(f'`{r}`' for r in sorted(rule.overrides))})" if rule.overrides else ""
        rows.append([order, f"`{rule.name}`", rule.phase.value, gives + overrides,
                     ", ".join(f"`{t}`" for t in rule.thresholds) or "–",
                     "page's" if rule.languages == "page" else "any", rule.doc])
    return table(["#", "rule", "phase", "gives", "thresholds", "lexicons", "what it judges"], rows)


def engine_glance() -> str:
    from pipelines.engine import RULES

    rows = [[order, f"`{rule.name}`", rule.phase.value, rule.doc] for order, rule in enumerate(RULES, 1)]
    return table(["#", "rule", "phase", "what it judges"], rows)


def thresholds_table() -> str:
    from pipelines.thresholds import DEFAULT

    rows = [[f"`{f.name}`", "fitted" if getattr(DEFAULT, f.name) is None else getattr(DEFAULT, f.name)]
            for f in fields(DEFAULT)]
    return table(["threshold", "default"], rows)


def scorer_table() -> str:
    from pipelines.scorer import model

    weights = model()
    if weights is None:
        return "No fitted weights are shipped: `python bench/fit_scorer.py` writes them.\n"
    rows = sorted(zip(weights["features"], weights["weights"], strict=True), key=lambda fw: -abs(fw[1]))
    fitted = weights["fitted"]
    return (table(["feature", "weight"], [[f"`{name}`", f"{w:+.3f}"] for name, w in rows])
            + f"\nBias {weights['bias']:+.3f}; threshold {weights['threshold']} (probability of boilerplate). "
            f"Fitted {fitted['date']} on {fitted['paragraphs']} paragraphs ({fitted['boilerplate']} boilerplate) "
            f"the hand rules left open on {fitted['pages']} pages: the fitting half of "
            f"{', '.join(fitted['sets'][:-1])} ({fitted['half']}) and the dev set; L2 {fitted['l2']}, content words "
            f"lost at the threshold ≤ {fitted['max_loss']:.1%}, precision ≥ {fitted['min_precision']}.\n")


def ablation_table() -> str:
    data = load("ablation")
    if not data:
        return missing("ablation", "make eval-ablation")
    sets = data["sets"]
    header = ["rule left out", *[f"{s} F1" for s in sets], *[f"{s} R" for s in sets]]
    rows = []
    for name, figures in data["rows"].items():
        rows.append([f"`{name}`" if name != "none" else "**all rules**",
                     *[_delta(figures[s]["f1"], data["rows"]["none"][s]["f1"], name) for s in sets],
                     *[_delta(figures[s]["recall"], data["rows"]["none"][s]["recall"], name) for s in sets]])
    return (table(header, rows) + f"\nPages: {data['pages']} (the held-out half of each set, never fitted on); "
            f"{data['note']}\n")


def scorer_heldout_table(name: str = "scorer") -> str:
    data = load(name)
    if not data:
        return missing(name, "python bench/eval_scorer.py")
    sets, base = data["sets"], data["rows"]["hand rules"]
    header = ["cleaning", *[f"{s} F1" for s in sets], *[f"{s} R" for s in sets]]
    rows = [[f"**{name}**" if name == "hand rules" else name,
             *[_delta(figures[s]["f1"], base[s]["f1"], "none" if name == "hand rules" else name) for s in sets],
             *[_delta(figures[s]["recall"], base[s]["recall"], "none" if name == "hand rules" else name)
               for s in sets]] for name, figures in data["rows"].items()]
    replaced = ", ".join(f"`{r}`" for r in data["replaces"]) or "none"
    return (table(header, rows) + f"\nPages: {data['pages']} held out from fitting. \"scorer t\": the hand rules "
            f"(without those the weights replace: {replaced}) and the scorer dropping at probability ≥ t; the "
            f"fitted threshold is {data['fitted_threshold']}. Rows below the first: the change against it.\n")


def _delta(value: float, base: float, name: str) -> str:
    return f"{value:.4f}" if name == "none" else f"{value - base:+.4f}"


SECTIONS: dict[str, Callable[[], str]] = {
    "engine": engine_table, "engine-glance": engine_glance, "thresholds": thresholds_table,
    "scorer": scorer_table, "scorer-heldout": scorer_heldout_table,
    "scorer-replacing": lambda: scorer_heldout_table("scorer-replacing"), "ablation": ablation_table,
}
