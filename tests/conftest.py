"""Shared fixtures (shared plain helpers are in helpers.py). Integration tests run against a real
Elasticsearch node of their own (separate home and port from the user's node), started once per session.

The unit lane (`make test-unit`) sets NEWSINDEX_TEST_NO_SERVICES=1: every fixture that would start a service
(an Elasticsearch node, hence Maven and Java; redis-server) then skips its tests instead of starting it, and
each test that uses one is marked (`es`, `redis`) so that `-m "not es and not redis"` deselects them too."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from helpers import need_service

from newsindex import node
from pipelines.config import load_settings

TEST_PORT = int(os.environ.get("NEWSINDEX_TEST_ES_PORT", "9250"))
# Fixture → the mark of every test that uses it (directly or through another fixture).
SERVICE_MARKS = {"es_settings": "es", "cluster": "es", "redis_url": "redis"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        for fixture, mark in SERVICE_MARKS.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(mark)


@pytest.fixture(scope="session")
def es_settings():
    need_service("an Elasticsearch node")
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


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    need_service("redis-server")
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
