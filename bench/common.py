"""Helpers shared by the benchmarks and the evaluation: locating ../shared/eval, loading pages, writing
results, and leaving the node (and the user's home) as the bench found it."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
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
    bench/results/runs.json: docs/evaluation.md and docs/performance.md are rendered from both.
    NEWSINDEX_BENCH_RESULTS names another folder (a trial run, a test) so the committed figures stay."""
    out = Path(os.environ.get("NEWSINDEX_BENCH_RESULTS") or ROOT / "bench" / "results")
    out.mkdir(parents=True, exist_ok=True)
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


def node_client(settings):
    """A client for the configured cluster, starting the local node first if it is the one."""
    from newsindex import node
    from pipelines.elastic import connect

    if settings.managed:
        node.start(settings)
    return connect(settings)


CLUSTER_PORT = int(os.environ.get("NEWSINDEX_BENCH_CLUSTER_PORT", "9600"))


@contextmanager
def bench_cluster(nodes: int = 3, shards: int = 3, replicas: int = 1, heap: str = "1g"):
    """The loopback cluster a bench measures (``nodes`` local nodes from ports NEWSINDEX_BENCH_CLUSTER_PORT,
    default 9600, so the user's node is left alone), in a home of its own: (settings for it, environment for
    a child process). Stopped and removed on the way out, also on failure."""
    from newsindex import node
    from pipelines.config import load_settings
    from pipelines.elastic import read_password

    home = Path(tempfile.mkdtemp(prefix="newsindex-bench-cluster-", dir="/tmp"))
    home.chmod(0o755)  # the nodes run as their own system user
    settings = load_settings(home=home, es_port=CLUSTER_PORT, es_nodes=nodes, es_heap=heap, es_url=None,
                             es_password=None, es_api_key=None, shards=shards, replicas=replicas)
    try:
        node.start(settings, log=lambda line: print(f"bench cluster: {line}", flush=True))
        env = {"NEWSINDEX_ES_URL": ",".join(n.url for n in node.local_nodes(settings)),
               "NEWSINDEX_ES_PASSWORD": read_password(settings), "NEWSINDEX_SHARDS": str(shards),
               "NEWSINDEX_REPLICAS": str(replicas)}
        yield settings, env
    finally:
        node.stop(settings)
        shutil.rmtree(home, ignore_errors=True)


def settle(client, index: str = "_all", limit: float = 180.0) -> float:
    """Wait until the cluster has no merge running on ``index`` (after a bulk build, background merges would
    compete with what is measured next for the same cores); seconds waited."""
    start = time.perf_counter()
    quiet = 0
    while time.perf_counter() - start < limit and quiet < 3:
        total = client.indices.stats(index=index, metric="merge")["_all"]["total"]
        quiet = quiet + 1 if total.get("merges", {}).get("current", 0) == 0 else 0  # no index: nothing to merge
        time.sleep(1)
    return time.perf_counter() - start


@contextmanager
def connected(settings, *prefixes: str):
    """A client for the configured cluster (starting the local node if it is the one) with the index
    templates installed, inside ``leave_node_as_found`` for the settings' alias (or ``prefixes``): a bench
    makes its own indices, and what it made is deleted on the way out, also on failure."""
    from pipelines.elastic import install_templates

    client = node_client(settings)
    with leave_node_as_found(client, *(prefixes or (settings.alias,))):
        install_templates(client, settings)
        yield client


def _owned(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == prefix or name.startswith(f"{prefix}-") for prefix in prefixes)


def node_state(client) -> dict[str, set[str]]:
    """The names of the node's indices (hidden and closed ones too), aliases, index and component templates."""
    indices = client.indices.get(index="*", expand_wildcards="all")
    return {"indices": set(indices),
            "aliases": {alias for body in indices.values() for alias in body.get("aliases", {})},
            "index_templates": {t["name"] for t in client.indices.get_index_template()["index_templates"]},
            "component_templates": {t["name"] for t in client.cluster.get_component_template()["component_templates"]}}


def _delete_new(client, before: dict[str, set[str]], prefixes: tuple[str, ...]) -> list[str]:
    """Delete what appeared since ``before`` under the bench's names; what it could not delete is said."""
    from elasticsearch import ApiError

    from pipelines.elastic import COMPONENTS

    now = node_state(client)
    new = {kind: names - before[kind] for kind, names in now.items()}
    indices = sorted(i for i in new["indices"] if _owned(i, prefixes))
    # An alias the bench put on an index it did not make (its own go with their indices).
    aliases = sorted(a for a in new["aliases"] if _owned(a, prefixes))
    templates = sorted(t for t in new["index_templates"] if _owned(t, tuple(f"newsindex-{p}" for p in prefixes)))
    components = sorted(c for c in new["component_templates"] if c in COMPONENTS)
    deleted = []
    # Indices first (the node refuses wildcard deletes: names), then the templates that no longer match an
    # index, then the components no template uses any more.
    for kind, names, delete in (
            ("index", indices, lambda n: client.indices.delete(index=n, ignore_unavailable=True)),
            ("alias", aliases, lambda n: client.indices.delete_alias(index="*", name=n)),
            ("index template", templates, lambda n: client.indices.delete_index_template(name=n)),
            ("component template", components, lambda n: client.cluster.delete_component_template(name=n))):
        for name in names:
            try:
                delete(name)
                deleted.append(name)
            except ApiError as exc:
                if exc.meta.status != 404:  # e.g. a component another template took up meanwhile
                    print(f"bench: could not delete the {kind} {name}: {exc}", flush=True)
    return deleted


@contextmanager
def leave_node_as_found(client, *prefixes: str) -> Iterator[None]:
    """Delete, on the way out — success, exception, Ctrl-C or SIGTERM — every index, alias and index
    template named after one of the bench's aliases (``prefixes``: ``bench-crawl`` owns ``bench-crawl-0-v6-…``)
    and the shared component templates, that the node did not have when the bench began: only what the bench
    made, so a user's indices (even ones made meanwhile under other names) stay. SIGTERM is turned into
    SystemExit so that ``finally`` blocks run and ``subprocess.run`` kills the bench's child processes
    before the node is tidied (a child left running would make its indices again). A bench's names begin
    with ``bench-``: anything else (a user's alias) is refused, so a bench run with the user's settings can
    never delete the user's indices made meanwhile."""
    if not prefixes or not all(p.startswith("bench-") for p in prefixes):
        raise ValueError(f"a bench's indices are named bench-…, not {', '.join(prefixes) or 'nothing'}")
    before = node_state(client)

    def terminate(signum, frame):
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second SIGTERM must not cut the tidying short
        try:
            # A bulk request in flight when a child was killed may still auto-create an index: look again.
            for _ in range(3):
                if not _delete_new(client, before, prefixes):
                    break
                time.sleep(1)
        finally:
            signal.signal(signal.SIGTERM, previous)


@contextmanager
def scratch_home(settings) -> Iterator[Path]:
    """A temporary home that reaches the settings' node (its password and pid files) through a link: a
    bench's dedupe store, quality figures and dead-letter file go there, not into the user's home, and are
    removed afterwards."""
    home = Path(tempfile.mkdtemp(prefix="newsindex-bench-home-"))
    try:
        (home / "node").symlink_to(settings.node_dir)
        yield home
    finally:
        shutil.rmtree(home, ignore_errors=True)
