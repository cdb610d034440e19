"""Shared fixtures. Integration tests run against a real Elasticsearch node of their own
(separate home and port from the user's node), started once per session."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from newsindex import node
from pipelines.config import load_settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TEST_PORT = int(os.environ.get("NEWSINDEX_TEST_ES_PORT", "9250"))


@pytest.fixture(scope="session")
def es_settings():
    # Under /tmp with 0755: the node's unprivileged user must be able to enter it.
    home = Path(tempfile.mkdtemp(prefix="newsindex-test-", dir="/tmp"))
    home.chmod(0o755)
    settings = load_settings(home=home, es_port=TEST_PORT, es_heap="512m", es_url=None, es_password=None,
                             es_api_key=None)
    node.start(settings, log=lambda msg: print(msg))
    yield settings
    node.stop(settings)
    shutil.rmtree(home, ignore_errors=True)


@pytest.fixture
def es_env(es_settings, monkeypatch, tmp_path):
    """Environment so that CLI calls (in process or as a subprocess) reach the test node,
    with a fresh alias and dedupe store per test."""
    alias = f"t{abs(hash(tmp_path.name)) % 10**8}"
    env = {"NEWSINDEX_HOME": str(es_settings.home), "NEWSINDEX_ES_PORT": str(es_settings.es_port),
           "NEWSINDEX_ES_URL": "", "NEWSINDEX_ALIAS": alias,
           "NEWSINDEX_STORE_PATH": str(tmp_path / "paragraphs.sqlite")}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("NEWSINDEX_ES_PASSWORD", raising=False)
    monkeypatch.delenv("NEWSINDEX_ES_API_KEY", raising=False)
    return env


@pytest.fixture
def own_home(es_env, tmp_path) -> Path:
    """A home of the test's own (dead-letter file, archive, stores) that still reaches the session's node
    (its password file) through a link."""
    home = tmp_path / "home"
    home.mkdir()
    (home / "node").symlink_to(os.path.join(es_env["NEWSINDEX_HOME"], "node"))
    return home


@pytest.fixture
def es_client(es_settings):
    from pipelines.elastic import connect

    return connect(es_settings)


WORDS = ("minister talks border treaty region government economy market inflation election court "
         "parliament energy pipeline sanctions summit ceasefire investment currency budget protest "
         "agreement delegation security harvest exports railway mediation reform coalition").split()


def write_articles(folder: Path, count: int, seed: int = 0) -> list[Path]:
    """Distinct synthetic plain-text articles (a title and five sentences each)."""
    import random

    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        title = f"Report {i}: {' '.join(rng.sample(WORDS, 4)).capitalize()}"
        body = [f"Article {i} paragraph {p}: " + " ".join(rng.choice(WORDS) for _ in range(18)) + "."
                for p in range(5)]
        path = folder / f"article_{i:05d}.txt"
        path.write_text("\n".join([title, *body]) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    server = shutil.which("redis-server")
    if server is None:
        pytest.fail("redis-server is not installed: `apt-get install redis-server` (`make test` does it)")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    folder = tmp_path_factory.mktemp("redis")
    proc = subprocess.Popen([server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
                             "no", "--dir", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    import redis

    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    proc.terminate()
    proc.wait(timeout=10)
