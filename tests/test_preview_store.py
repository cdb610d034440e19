"""`newsindex extract` without --store: its throw-away dedupe store is a file in the system temp dir (memory stays
flat with the folder's size), gone however the run ends, and nothing of the user's store or dead letter is
written."""

import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from helpers import ROOT, SEEDS, write_articles

from newsindex.cli import main
from newsindex.ingest import Summary, documents, preview_scratch, sweep_killed_previews
from pipelines.config import load_settings
from pipelines.dedupe import SiteBoilerplateStage
from pipelines.identity import IdentityStage


@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    """The system temp dir of this test (empty), a home and a configured store path nothing may write."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.setenv("NEWSINDEX_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("NEWSINDEX_STORE_PATH", str(tmp_path / "store.sqlite"))
    monkeypatch.setenv("NEWSINDEX_SOURCES", str(tmp_path / "none.yaml"))
    return scratch


def _stores(scratch) -> list[str]:
    return sorted(p.name for p in scratch.rglob("*.sqlite"))


def _nothing_of_the_users(tmp_path) -> bool:
    return not (tmp_path / "store.sqlite").exists() and not (tmp_path / "home" / "dead-letter.jsonl").exists()


def test_the_preview_store_is_a_temporary_file_while_the_run_lasts_and_gone_after(private_tmp, tmp_path):
    docs = documents(load_settings(), [str(SEEDS)], None, Summary(), preview=True, progress=False)
    first = next(docs)
    assert "store.sqlite" in _stores(private_tmp)  # on disk, not in memory
    assert len([first, *docs]) == 5
    assert list(private_tmp.iterdir()) == []
    assert _nothing_of_the_users(tmp_path)


def test_a_preview_with_a_failed_input_leaves_no_file(private_tmp, tmp_path, monkeypatch, capsys):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    seen = []
    real = SiteBoilerplateStage.prepare

    def prepare(self, batch):
        seen.append(_stores(private_tmp))
        return real(self, batch)

    monkeypatch.setattr(SiteBoilerplateStage, "prepare", prepare)
    assert main(["extract", str(SEEDS), str(bad)]) == 1
    assert "read 7: extracted 5, failed 1, skipped 1" in capsys.readouterr().err
    assert "store.sqlite" in seen[0]
    assert list(private_tmp.iterdir()) == [] and _nothing_of_the_users(tmp_path)


def test_a_preview_that_breaks_off_leaves_no_file(private_tmp, tmp_path, monkeypatch, capsys):
    seen = []

    def full(self, batch):
        seen.append(_stores(private_tmp))
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(SiteBoilerplateStage, "prepare", full)
    assert main(["extract", str(SEEDS)]) == 2
    assert "no space left for a store" in capsys.readouterr().err
    assert "store.sqlite" in seen[0]
    assert list(private_tmp.iterdir()) == [] and _nothing_of_the_users(tmp_path)


# The child reads two inputs, says so, then waits to be stopped: the signal lands mid-run, deterministically.
CHILD = """
import sys, time
from pathlib import Path
import newsindex.ingest as ingest
from newsindex.cli import main

real = ingest.iter_file_items

def slow(paths, not_article=None):
    for number, entry in enumerate(real(paths, not_article)):
        yield entry
        if number == 1:
            Path(sys.argv[1]).write_text("ready")
            time.sleep(60)

ingest.iter_file_items = slow
sys.exit(main(["extract", sys.argv[2]]))
"""


@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_preview_stopped_by_a_signal_gives_its_account_and_leaves_no_file(tmp_path, signum, code):
    scratch, ready, folder = tmp_path / "tmp", tmp_path / "ready", tmp_path / "articles"
    scratch.mkdir()
    write_articles(folder, 6)
    env = {**os.environ, "TMPDIR": str(scratch), "NEWSINDEX_HOME": str(tmp_path / "home"),
           "NEWSINDEX_STORE_PATH": str(tmp_path / "store.sqlite"), "NEWSINDEX_SOURCES": str(tmp_path / "none.yaml")}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(ready), str(folder)], env=env, cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not ready.exists() and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert ready.exists(), child.communicate(timeout=5)
        assert "store.sqlite" in _stores(scratch)
        child.send_signal(signum)
        out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == code, err
    assert "read 2: extracted 0, failed 0, skipped 0" in err
    assert f"stopped by {signal.Signals(signum).name} before the run finished: 2 inputs read" in err
    assert list(scratch.iterdir()) == [] and _nothing_of_the_users(tmp_path)


def test_the_unassigned_are_read_back_page_by_page_as_they_were_when_the_reading_began(tmp_path):
    """A batch's ids are not held in memory (``NearDuplicateStage.prepare``): the store reads them back in
    pages, and the joins that assign later documents meanwhile make it miss none."""
    import numpy as np

    from pipelines.store import SignatureStore

    store = SignatureStore(tmp_path / "store.sqlite")
    ids = [f"doc{i}" for i in range(7)]
    for doc_id in ids:
        store.put(doc_id, "", np.arange(4, dtype=np.uint64), [doc_id.encode()], commit=False)
    read = []
    for doc_id in store.unassigned(page=2):
        read.append(doc_id)
        for other in ids:  # the first join assigns every other document
            store.set_cluster(other, "doc0")
    assert read == ids
    store.close()


def test_a_killed_preview_leaves_a_folder_the_next_preview_removes(tmp_path, monkeypatch):
    # SIGKILL runs no cleanup: the folder carries the process id, and the next preview sweeps a dead one's
    scratch, ready, folder = tmp_path / "tmp", tmp_path / "ready", tmp_path / "articles"
    scratch.mkdir()
    write_articles(folder, 6)
    env = {**os.environ, "TMPDIR": str(scratch), "NEWSINDEX_HOME": str(tmp_path / "home"),
           "NEWSINDEX_STORE_PATH": str(tmp_path / "store.sqlite"), "NEWSINDEX_SOURCES": str(tmp_path / "none.yaml")}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(ready), str(folder)], env=env, cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not ready.exists() and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert ready.exists(), child.communicate(timeout=5)
        child.kill()
        child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
    left = [p.name for p in scratch.iterdir()]
    assert left and all(name.startswith(f"newsindex-preview-{child.pid}-") for name in left)
    assert not [n for n in left if "claims" in n]  # the identity stage's file had no name left to leave
    alive = scratch / f"newsindex-preview-{os.getpid()}-mine"
    alive.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    mine = preview_scratch()
    try:  # the dead one's folder is gone; a running preview's (this process's) stays
        assert sorted(p.name for p in scratch.iterdir()) == sorted([alive.name, Path(mine.name).name])
        assert Path(mine.name).name.startswith(f"newsindex-preview-{os.getpid()}-")
    finally:
        mine.cleanup()
    assert sweep_killed_previews(scratch) == []


def test_the_identity_claims_file_has_no_name_while_the_run_holds_it(private_tmp):
    stage = IdentityStage()
    try:
        assert list(private_tmp.iterdir()) == []
        stage.claims["a"] = ("key", "a.txt", True)
        assert stage.claims.get("a") == ("key", "a.txt") and stage.claims.is_original("a")
    finally:
        stage.close()
