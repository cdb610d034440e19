"""The scale benches' generated tables (``bench/render_docs.py`` registers them): docs/performance.md's
throughput and memory (``bench/results/scale*.json``) and search latency (``bench/results/search*.json``), and
the README's scale table joining both per size, with the issue-#23 targets checked against the figures."""

from __future__ import annotations

from collections.abc import Callable

from render_common import bench_settings, fmt, load, missing, provenance, table

SCALE_RESULTS = {"scale": "", "scale-ingest": "", "scale-ingest-cluster": " --cluster"}
SEARCH_RESULTS = {"search": "", "search-cluster": " --cluster"}
SEARCH_KIND = "search (facets, collapse, highlight)"
# Issue #23's targets: search p95 (round trip) at a size, and how far ingest may drift from its smallest size.
P95_TARGETS_MS = {("node", 100_000): 30.0, ("node", 1_000_000): 60.0, ("cluster", 1_000_000): 60.0}
FLAT = 0.10
FLAT_FROM = 10_000  # below it the run's fixed set-up (connect, templates, the final refresh) is not amortised


def _spread(figures: dict | None, digits: int = 1) -> str:
    if not figures:
        return ""
    return f" ({fmt(figures['min'], digits)}–{fmt(figures['max'], digits)})"


def _topology(data: dict) -> str:
    shape = data.get("topology")
    if not shape:
        return ""
    return (f"On {shape['nodes']} node{'s' if shape['nodes'] > 1 else ''}, {shape['shards']} shard"
            f"{'s' if shape['shards'] > 1 else ''}, {shape['replicas']} replica{'s' if shape['replicas'] != 1 else ''},"
            f" heap {shape['heap']} a node.\n")


def scale() -> str:
    parts = [bench_settings("bench_scale.py")]
    for name, flag in SCALE_RESULTS.items():
        data = load(name)
        if not data:
            if name != "scale-ingest-cluster":
                parts.append(missing(name, f"python bench/bench_scale.py{flag}"))
            continue
        runs = data.get("repeats", 1)
        rows = [[r["mode"], r["kind"], f"{r['size']:,}", fmt(r["docs_per_s"], 1) + _spread(r.get("docs_per_s_spread")),
                 f"{r['peak_rss_mb']:.0f}" + _spread(r.get("peak_rss_mb_spread"), 0), fmt(r["rate_vs_smallest"], 2),
                 fmt(r["rss_vs_smallest"], 2)] for r in data["results"]]
        where = " (3-node cluster)" if data.get("cluster") else ""
        of = f": median of {runs} runs (min–max)" if runs > 1 else ""
        parts.append(table([f"run{where}", "input", "documents", f"docs/s{of}", f"peak RSS MB{of}",
                            "docs/s vs smallest", "RSS vs smallest"], rows))
        parts.append(provenance(name) + "\n")
    return "\n".join(parts)


def _search_table(data: dict) -> str:
    rows = []
    for result in data["results"]:
        cells = [f"{result['docs']:,}"]
        for name, kind in result["latency"].items():
            trip = kind.get("round_trip", {})
            cell = f"{fmt(trip.get('p50_ms'), 1)} / {fmt(trip.get('p95_ms'), 1)} ms"
            if p95 := result.get("spread", {}).get(name, {}).get("round_trip", {}).get("p95_ms"):
                cell += f" (p95 {fmt(p95['min'], 1)}–{fmt(p95['max'], 1)})"
            cells.append(cell)
        rows.append(cells)
    kinds = list(data["results"][0]["latency"])
    repeats = data.get("repeats", 1)
    head = "round trip p50 / p95" + (f", median of {repeats} repeats (p95 spread)" if repeats > 1 else "")
    shape = _topology(data)
    return (shape + "\n" if shape else "") + table(["documents", *[f"{k}: {head}" for k in kinds]], rows)


def search() -> str:
    parts = [bench_settings("bench_search.py")]
    for name, flag in SEARCH_RESULTS.items():
        data = load(name)
        if not data:
            parts.append(missing(name, f"python bench/bench_search.py{flag}"))
            continue
        parts += [_search_table(data), provenance(name) + "\n"]
    return "\n".join(parts)


def _rows_by_size(setup: str) -> tuple[dict, dict]:
    """(ingest rows by size, search results by size) of one setup ("node" or "cluster")."""
    suffix = "-cluster" if setup == "cluster" else ""
    ingest = load(f"scale-ingest{suffix}") or {"results": []}
    searched = load(f"search{suffix}") or {"results": []}
    return ({r["size"]: r for r in ingest["results"] if r["mode"] == "ingest" and r["kind"] == "text"},
            {r["docs"]: r for r in searched["results"]})


def _ingest(run: dict | None, key: str) -> str:
    """An ingest figure: the median of the runs with their spread and count, or the one run's."""
    if not run:
        return "not measured"
    runs = len(run.get("runs", [])) or 1
    spread = run.get(f"{key}_spread")
    return f"{run[key]:.0f}" + (f" ({spread['min']:.0f}–{spread['max']:.0f}, {runs} runs)" if runs > 1 else " (1 run)")


def _latency(result: dict | None, kind: str) -> str:
    if not result or kind not in result["latency"]:
        return "not measured"
    trip = result["latency"][kind]["round_trip"]
    p95 = result.get("spread", {}).get(kind, {}).get("round_trip", {}).get("p95_ms")
    repeats = result.get("repeats", 1)
    return (f"{fmt(trip['p50_ms'], 1)} / {fmt(trip['p95_ms'], 1)}"
            + (f" (p95 {fmt(p95['min'], 1)}–{fmt(p95['max'], 1)}, {repeats} runs)" if p95 and repeats > 1 else ""))


def _verdicts(sizes: dict[str, tuple[dict, dict]]) -> list[str]:
    lines = []
    for (setup, size), limit in P95_TARGETS_MS.items():
        result = sizes[setup][1].get(size)
        if not result:
            lines.append(f"search p95 < {limit:.0f} ms at {size:,} ({setup}): not measured yet")
            continue
        p95 = result["latency"][SEARCH_KIND]["round_trip"]["p95_ms"]
        verdict = "met" if p95 < limit else f"missed by {p95 - limit:.1f} ms"
        lines.append(f"search p95 < {limit:.0f} ms at {size:,} ({setup}): {p95:.1f} ms, {verdict}")
    ingest = {size: row for size, row in sizes["node"][0].items() if size >= FLAT_FROM}
    if len(ingest) >= 2:
        small, large = ingest[min(ingest)], ingest[max(ingest)]
        for label, key in (("ingest docs/s", "docs_per_s"), ("ingest peak RSS", "peak_rss_mb")):
            ratio = large[key] / small[key]
            verdict = "met" if abs(ratio - 1) <= FLAT else f"missed by {abs(ratio - 1) - FLAT:.0%}"
            lines.append(f"{label} flat ±{FLAT:.0%} from {min(ingest):,} to {max(ingest):,}: {ratio:.2f}×, {verdict}")
    return lines


def scale_glance() -> str:
    """The README's scale table: per setup and size, ingest (median and spread of its runs) and search."""
    sizes = {setup: _rows_by_size(setup) for setup in ("node", "cluster")}
    rows = []
    for setup, (ingest, searched) in sizes.items():
        for size in sorted(set(ingest) | set(searched)):
            run, result = ingest.get(size), searched.get(size)
            rows.append(["one node" if setup == "node" else "3 nodes, 3 shards, 1 replica", f"{size:,}",
                         _ingest(run, "docs_per_s"), _ingest(run, "peak_rss_mb"),
                         _latency(result, SEARCH_KIND), _latency(result, "baseline")])
    if not rows:
        return missing("scale-ingest", "make bench")
    out = table(["setup", "documents", "ingest docs/s", "ingest peak RSS MB", "search p50 / p95 ms",
                 "baseline p50 / p95 ms"], rows)
    out += "\n" + "\n".join(f"- {line}" for line in _verdicts(sizes)) + "\n"
    sources = [name for name in ("scale-ingest", "scale-ingest-cluster", "search", "search-cluster") if load(name)]
    return out + "\nFigures: " + " ".join(provenance(name) for name in sources) + "\n"


SECTIONS: dict[str, Callable[[], str]] = {"scale": scale, "search": search, "scale-glance": scale_glance}
