"""Every bench that talks to Elasticsearch leaves the node as it found it (issue #23): each runs briefly, as a
subprocess, against the session's node, and the node's indices, aliases, index and component templates are
the same set before and after — also when a bench fails mid-way (a bad argument after its index was built)
or is sent SIGTERM while its crawler child is writing. The benches write their results to a folder of the
test's own (NEWSINDEX_BENCH_RESULTS): the committed bench/results/*.json stay as they are."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import ROOT

pytestmark = [pytest.mark.es, pytest.mark.slow]

# Each bench with its smallest sizes: a few seconds of work each.
BENCHES = {
    "search": ["bench_search.py", "--sizes", "200", "--queries", "5"],
    "indexing": ["bench_indexing.py", "--docs", "100", "--rounds", "1"],
    "scale": ["bench_scale.py", "--sizes", "100", "--kinds", "text", "--modes", "ingest"],
    "crawl": ["bench_crawl.py", "--pages", "10", "--rounds", "1", "--latency", "0", "--conditions", "cpu"],
}
NEEDS_SHARED_SETS = {"search"}  # its documents are paragraphs of the shared article-extraction benchmark


def node_state(client) -> dict[str, set[str]]:
    """``common.node_state`` without the node's own dot-names (system indices it makes when it likes)."""
    if str(ROOT / "bench") not in sys.path:
        sys.path.insert(0, str(ROOT / "bench"))
    from common import node_state as state_of

    return {kind: {name for name in names if not name.startswith(".")} for kind, names in state_of(client).items()}


def committed_results() -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (ROOT / "bench" / "results").glob("*.json")}


def shared_sets_present() -> bool:
    sys.path.insert(0, str(ROOT / "bench"))
    from common import eval_dir

    try:
        eval_dir()
    except SystemExit:
        return False
    return True


def home_files(home: Path) -> dict[str, tuple[int, int]]:
    """The user's state (stores, quality figures, dead letters) as a bench would touch it: size and mtime."""
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in home.iterdir() if p.name != "node"}


@pytest.fixture
def bench_env(es_env, tmp_path) -> dict[str, str]:
    """The benches find the node as the CLI does (NEWSINDEX_HOME with the node's password file, the port);
    every bench picks its own alias; results go to the test's folder, temporary files to one of its own."""
    (tmp_path / "tmp").mkdir()
    env = {**os.environ, **es_env, "NEWSINDEX_BENCH_RESULTS": str(tmp_path / "results"),
           "TMPDIR": str(tmp_path / "tmp")}
    for key in ("NEWSINDEX_ALIAS", "NEWSINDEX_STORE_PATH", "NEWSINDEX_ES_PASSWORD", "NEWSINDEX_ES_API_KEY"):
        env.pop(key, None)
    return env


def bench(args: list[str], env: dict, **kwargs):
    return subprocess.Popen([sys.executable, str(ROOT / "bench" / args[0]), *args[1:]], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def our_processes(env: dict) -> list[int]:
    """Processes still running with this test's environment (a bench's children inherit it)."""
    marker = f"NEWSINDEX_BENCH_RESULTS={env['NEWSINDEX_BENCH_RESULTS']}".encode()
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and marker in (proc / "environ").read_bytes().split(b"\0"):
                found.append(int(proc.name))
        except OSError:
            continue
    return found


@pytest.mark.parametrize("name", sorted(BENCHES))
def test_a_bench_leaves_the_node_as_it_found_it(name, bench_env, es_client, tmp_path):
    if name in NEEDS_SHARED_SETS and not shared_sets_present():
        pytest.skip("bench_search needs the shared article-extraction benchmark (../shared/eval)")
    home = Path(bench_env["NEWSINDEX_HOME"])
    before, results, state = node_state(es_client), committed_results(), home_files(home)
    proc = bench(BENCHES[name], bench_env)
    out, err = proc.communicate(timeout=240)
    assert proc.returncode == 0, err[-3000:]
    assert node_state(es_client) == before
    assert list((tmp_path / "results").glob("*.json")), out  # it did write its figures, elsewhere
    assert committed_results() == results
    assert home_files(home) == state  # nothing written to the user's stores
    assert not list((tmp_path / "tmp").iterdir())  # its corpora, scratch homes and work folders are gone


def test_a_bench_that_fails_after_building_its_index_still_cleans_up(bench_env, es_client, tmp_path):
    if not shared_sets_present():
        pytest.skip("bench_search needs the shared article-extraction benchmark (../shared/eval)")
    before = node_state(es_client)
    # The second size is below the first: the index is built and measured at 200, then the bench fails.
    proc = bench(["bench_search.py", "--sizes", "200,100", "--queries", "5"], bench_env)
    out, err = proc.communicate(timeout=240)
    assert proc.returncode == 1 and "200 docs" in out, (out, err[-3000:])
    assert "ValueError" in err
    assert node_state(es_client) == before
    assert not list((tmp_path / "tmp").iterdir())


def test_sigterm_mid_crawl_stops_the_crawler_and_cleans_up(bench_env, es_client, tmp_path):
    before = node_state(es_client)
    proc = bench(["bench_crawl.py", "--pages", "2000", "--rounds", "1", "--latency", "0.05", "--conditions",
                  "polite"], bench_env)
    made: list[str] = []
    try:
        deadline = time.monotonic() + 120
        # Wait until the crawler child has made its index and written to it.
        while time.monotonic() < deadline and proc.poll() is None:
            made = [i for i in node_state(es_client)["indices"] - before["indices"] if i.startswith("bench-crawl-0-v")]
            if made and es_client.count(index=made[0])["count"] > 0:
                break
            time.sleep(0.5)
        assert proc.poll() is None, proc.communicate()
        assert made, "the crawl made no index"
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode != 0, out
    assert not our_processes(bench_env), "the crawler outlived the bench"
    time.sleep(2)  # a crawler left running would go on writing (and re-make an index)
    assert node_state(es_client) == before
    assert not list((tmp_path / "tmp").iterdir())


def test_the_guard_deletes_what_the_bench_made_and_only_that(es_client):
    """An index of the bench's name that was there before, and one of another name made meanwhile (a
    user's crawl, another bench), stay; the bench's new index, aliases (also one it put on the old index) and
    template go."""
    sys.path.insert(0, str(ROOT / "bench"))
    from common import leave_node_as_found

    es_client.indices.create(index="bench-guard-old")
    try:
        with pytest.raises(ValueError, match="bench-"), leave_node_as_found(es_client, "articles"):
            pass  # a user's alias is never a bench's
        with pytest.raises(RuntimeError), leave_node_as_found(es_client, "bench-guard"):
            es_client.indices.create(index="bench-guard-v1-new", aliases={"bench-guard": {}})
            es_client.indices.put_index_template(name="newsindex-bench-guard", index_patterns=["bench-guard-v*"])
            es_client.indices.put_alias(index="bench-guard-old", name="bench-guard-extra")  # on an index from before
            es_client.indices.create(index="guard-others")
            raise RuntimeError("the bench fails")
        state = node_state(es_client)
        assert {"bench-guard-old", "guard-others"} <= state["indices"]
        assert not {i for i in state["indices"] if i.startswith("bench-guard-v")}
        assert not {"bench-guard", "bench-guard-extra"} & state["aliases"]
        assert "newsindex-bench-guard" not in state["index_templates"]
    finally:
        es_client.indices.delete(index="bench-guard-old,guard-others", ignore_unavailable=True)


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def test_a_cluster_bench_removes_its_cluster(bench_env, es_client, tmp_path):
    """``--cluster``: the bench ingests into a 3-node cluster of its own (3 shards, 1 replica) and removes it —
    its nodes stopped, their home gone — leaving the user's node untouched."""
    port = int(os.environ.get("NEWSINDEX_TEST_BENCH_CLUSTER_PORT", "9570"))
    taken = [p for i in range(3) for p in (port + i, port + 100 + i) if _answers(p)]  # HTTP and transport
    assert not taken, f"ports {taken} are taken: set NEWSINDEX_TEST_BENCH_CLUSTER_PORT"
    homes = set(Path("/tmp").glob("newsindex-bench-cluster-*"))
    before = node_state(es_client)
    proc = bench(["bench_scale.py", "--sizes", "100", "--kinds", "text", "--modes", "ingest", "--repeats", "1",
                  "--cluster"], {**bench_env, "NEWSINDEX_BENCH_CLUSTER_PORT": str(port)})
    out, err = proc.communicate(timeout=420)
    assert proc.returncode == 0, err[-3000:]
    result = json.loads((tmp_path / "results" / "scale-ingest-cluster.json").read_text())
    assert result["cluster"] and result["results"][0]["runs"][0]["docs"] == 100
    assert not any(_answers(port + i) for i in range(3)), "a node of the bench's cluster still runs"
    assert set(Path("/tmp").glob("newsindex-bench-cluster-*")) == homes
    assert node_state(es_client) == before
    assert not list((tmp_path / "tmp").iterdir())
