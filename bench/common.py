"""Helpers shared by the benchmarks and the evaluation: locating ../shared/eval, loading pages."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _main_checkout() -> Path | None:
    """The main checkout of this repository when this is a linked worktree (``git worktree add``): a bench run
    from a worktree elsewhere finds the shared sets next to the main checkout."""
    git = ROOT / ".git"
    if not git.is_file():  # a worktree's .git is a file: "gitdir: <main>/.git/worktrees/<name>"
        return None
    gitdir = Path(git.read_text().partition("gitdir:")[2].strip())
    return gitdir.parent.parent.parent if gitdir.parent.name == "worktrees" else None


def eval_dir() -> Path:
    candidates = [Path(os.environ["NEWSINDEX_EVAL_DIR"])] if os.environ.get("NEWSINDEX_EVAL_DIR") else []
    candidates += [ROOT.parent / "shared" / "eval", ROOT / "shared" / "eval"]
    if main := _main_checkout():
        candidates.append(main.parent / "shared" / "eval")
    for path in candidates:
        if (path / "aeb" / "ground_truth.json").exists():
            return path
    raise SystemExit("bench: no extraction benchmark found; set NEWSINDEX_EVAL_DIR to the folder holding aeb/")


def load_set(name: str, limit: int = 0) -> tuple[dict, dict[str, bytes]]:
    """(ground truth by id, raw HTML bytes by id) of one shared set (aeb, dragnet, cleaneval)."""
    base = eval_dir() / name
    truth = json.loads((base / "ground_truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[:limit] if limit else sorted(truth)
    truth = {key: truth[key] for key in keys}
    pages = {key: gzip.decompress((base / truth[key].get("file", f"html/{key}.html.gz")).read_bytes())
             for key in keys}
    return truth, pages


def load_aeb() -> tuple[dict, dict[str, bytes]]:
    """(ground truth by id, raw HTML bytes by id) of the article-extraction benchmark."""
    return load_set("aeb")


def write_result(name: str, data: dict) -> Path:
    """bench/results/<name>.json, and the run's provenance (commit, time, cores, load) under <name> in
    bench/results/runs.json: docs/evaluation.md and docs/performance.md are rendered from both."""
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    path = out / f"{name}.json"
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    runs_path = out / "runs.json"
    runs = json.loads(runs_path.read_text(encoding="utf-8")) if runs_path.exists() else {}
    runs[name] = run_provenance()
    runs_path.write_text(json.dumps(dict(sorted(runs.items())), indent=1) + "\n", encoding="utf-8")
    return path


def run_provenance() -> dict:
    """Where a figure comes from: the commit (``+changes`` when the tree differed from it), when, on what."""
    import subprocess
    import time

    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=30).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    if git("status", "--porcelain", "--untracked-files=no"):
        commit += "+changes"
    return {"commit": commit, "finished": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "cpus": os.cpu_count(), "load_average": round(os.getloadavg()[0], 1)}


def connected(settings):
    """A client for the configured cluster (starting the local node if it is the one), with the index
    templates installed — and no index or alias made: a bench makes (and deletes) its own indices."""
    from newsindex import node
    from pipelines.elastic import connect, install_templates

    if settings.managed:
        node.start(settings)
    client = connect(settings)
    install_templates(client, settings)
    return client
