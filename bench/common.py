"""Helpers shared by the benchmarks and the evaluation: locating ../shared/eval, loading pages."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def eval_dir() -> Path:
    candidates = [Path(os.environ["NEWSINDEX_EVAL_DIR"])] if os.environ.get("NEWSINDEX_EVAL_DIR") else []
    candidates += [ROOT.parent / "shared" / "eval", ROOT / "shared" / "eval"]
    for path in candidates:
        if (path / "aeb" / "ground_truth.json").exists():
            return path
    raise SystemExit("bench: no extraction benchmark found; set NEWSINDEX_EVAL_DIR to the folder holding aeb/")


def load_aeb() -> tuple[dict, dict[str, bytes]]:
    """(ground truth by id, raw HTML bytes by id)."""
    base = eval_dir() / "aeb"
    truth = json.loads((base / "ground_truth.json").read_text(encoding="utf-8"))
    pages = {key: gzip.decompress((base / "html" / f"{key}.html.gz").read_bytes()) for key in sorted(truth)}
    return truth, pages


def write_result(name: str, data: dict) -> Path:
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    path = out / f"{name}.json"
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    return path


def connected(settings):
    """A client for the configured cluster (starting the local node if it is the one), set up."""
    from newsindex import node
    from newsindex.es import connect, setup

    if settings.managed:
        node.start(settings)
    client = connect(settings)
    setup(client, settings)
    return client
