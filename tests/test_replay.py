"""`ingest --replay` never loses an input: a file that is not a dead-letter file is refused and left as it is, so is
any file when the node does not answer, and a replay killed midway leaves every input in some file, which the
next replay finishes."""

import os
import signal
import subprocess
import sys
import time

import pytest
from helpers import ROOT

from pipelines.deadletter import DeadLetter, read_entries

BIN = os.path.dirname(sys.executable)


def replay(path, env: dict, wait: bool = True):
    command = [os.path.join(BIN, "newsindex"), "ingest", "--replay", str(path)]
    if not wait:
        return subprocess.Popen(command, env={**os.environ, **env}, cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
    return subprocess.run(command, env={**os.environ, **env}, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_a_file_that_is_not_a_dead_letter_file_is_refused_and_left_as_it_is(tmp_path):
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(bytes(range(256)) * 64)
    run = replay(binary, {"NEWSINDEX_HOME": str(tmp_path)})
    assert run.returncode == 2 and "not a dead-letter file, left as it is" in run.stderr, run.stderr
    assert binary.read_bytes() == bytes(range(256)) * 64 and sorted(p.name for p in tmp_path.iterdir()) == ["photo.jpg"]


def test_with_the_node_down_the_dead_letter_file_is_not_touched(tmp_path):
    dead = tmp_path / "dead-letter.jsonl"
    DeadLetter(dead).record(str(tmp_path / "a.txt"), "decode: empty")
    before = dead.read_bytes()
    run = replay(dead, {"NEWSINDEX_HOME": str(tmp_path), "NEWSINDEX_ES_URL": "http://127.0.0.1:9"})
    assert run.returncode == 2 and dead.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dead-letter.jsonl"]


def _inputs_in_files(home) -> set[str]:
    found = set()
    for path in home.iterdir():
        if path.name.startswith("dead-letter.jsonl"):
            found |= {e["source"] for e in read_entries(path)[0]}
    return found


@pytest.mark.es
def test_a_killed_replay_leaves_every_input_in_some_file_and_the_next_one_finishes(es_env, tmp_path, own_home):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    dead = own_home / "dead-letter.jsonl"
    writer = DeadLetter(dead)
    names = []
    for number in range(2000):
        name = str(inputs / f"{number:04d}.txt")
        open(name, "wb").close()  # still empty: each fails again
        writer.record(name, "decode: the file is empty")
        names.append(name)
    env = {**es_env, "NEWSINDEX_HOME": str(own_home)}
    process = replay(dead, env, wait=False)
    deadline = time.monotonic() + 120
    while not (own_home / "dead-letter.jsonl.replaying").exists() and time.monotonic() < deadline:
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    assert _inputs_in_files(own_home) >= set(names)  # killed midway: every input in some file

    finished = replay(dead, env)
    assert finished.returncode == 2 and "failed 2000" in finished.stdout, finished.stderr[-1000:]  # all failed: exit 2
    assert not (own_home / "dead-letter.jsonl.replaying").exists()
    assert {e["source"] for e in read_entries(dead)[0]} == set(names)  # they failed again, each once
