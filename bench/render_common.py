"""What the doc renderers share (``render_docs``, ``render_engine``, ``render_scale``): Markdown tables,
numbers, the bench results and where each comes from."""

from __future__ import annotations

import ast
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


def fmt(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def table(header: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c).replace("|", "\\|") for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def load(name: str) -> dict | None:
    path = RESULTS / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def provenance(name: str) -> str:
    runs = load("runs") or {}
    run = runs.get(name)
    if not run:
        return f"`bench/results/{name}.json`."
    text = f"`bench/results/{name}.json`: commit `{run.get('commit')}`, {run.get('finished')}, {run.get('cpus')} cores"
    if run.get("load_average") is not None:
        text += f", load {run['load_average']} at the end"
    return text + (f"; {run['note']}." if run.get("note") else ".")


def bench_settings(script: str) -> str:
    """A bench's settings, as its docstring states them (the command lines it shows included)."""
    doc = ast.get_docstring(ast.parse((ROOT / "bench" / script).read_text(encoding="utf-8"))) or ""
    return doc.strip() + "\n"  # its indented command lines are a Markdown code block as they stand


def missing(name: str, command: str) -> str:
    return f"Not measured yet: `{command}` writes `bench/results/{name}.json`, then `make docs`.\n"
