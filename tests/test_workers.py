"""The CPU workers of a crawl end with it: a parent killed with SIGKILL leaves no worker behind."""

import os
import signal
import subprocess
import sys
import time

from helpers import ROOT

PARENT = """
import time
from pipelines.base import worker_pool
pool = worker_pool(2)
for future in [pool.submit(time.sleep, 0.5) for _ in range(2)]:  # both workers started and busy once
    future.result()
print(" ".join(map(str, sorted(pool._processes))), flush=True)
time.sleep(600)
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


def test_workers_end_when_their_parent_is_killed():
    parent = subprocess.Popen([sys.executable, "-c", PARENT], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    workers = [int(pid) for pid in parent.stdout.readline().split()]
    assert len(workers) == 2 and all(_alive(pid) for pid in workers)
    parent.send_signal(signal.SIGKILL)
    parent.wait(10)
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [pid for pid in workers if _alive(pid)]
    for pid in left:  # clean up before failing
        os.kill(pid, signal.SIGKILL)
    assert not left, f"workers {left} outlived their parent"
