"""Scheduled crawls: each site on its cron expression, never two runs of one site at once.

Each run is a ``newsindex crawl SITE`` child process (Scrapy's reactor runs once per process),
guarded by a per-site lock file so that two schedulers cannot overlap either. Every run's stats
line is printed and appended to ``<home>/schedule.log``.
"""

from __future__ import annotations

import fcntl
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from croniter import croniter

from crawler.sites import Site


@dataclass
class Run:
    site: str
    process: subprocess.Popen
    lock: object
    started: datetime


def acquire(lock_path: Path):
    """An exclusive, non-blocking lock on the site's lock file, or None if a run holds it."""
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    handle = lock_path.open("a")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return None
    return handle


class Scheduler:
    def __init__(self, sites: list[Site], home: Path, log=print):
        self.sites = [s for s in sites if s.schedule]
        self.home = home
        self.log = log
        self.running: dict[str, Run] = {}
        self.next_due: dict[str, datetime] = {}
        self.exit_status = 0  # the highest exit status of the runs that finished (0: none failed)

    def plan(self, now: datetime, immediately: bool) -> None:
        for site in self.sites:
            self.next_due[site.name] = now if immediately else croniter(site.schedule, now).get_next(datetime)

    def tick(self, now: datetime) -> int:
        """Reap finished runs, start due ones; returns how many were due (started or skipped)."""
        self._reap()
        due = 0
        for site in self.sites:
            if self.next_due[site.name] > now:
                continue
            self.next_due[site.name] = croniter(site.schedule, now).get_next(datetime)
            due += 1
            if site.name in self.running:
                self._write(f"{site.name}: skipped, the previous run is still going")
                continue
            lock = acquire(self.home / "locks" / f"{site.name}.lock")
            if lock is None:
                self._write(f"{site.name}: skipped, another scheduler's run holds its lock")
                continue
            process = subprocess.Popen([sys.executable, "-m", "newsindex.cli", "crawl", site.name],
                                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            self.running[site.name] = Run(site.name, process, lock, now)
            self._write(f"{site.name}: run started (pid {process.pid})")
        return due

    def _reap(self) -> None:
        for name, run in list(self.running.items()):
            if run.process.poll() is None:
                continue
            stats = (run.process.stdout.read() or "").strip() or f"{name}: no stats"
            self._write(f"{stats} (exit {run.process.returncode}, "
                        f"{(datetime.now(timezone.utc) - run.started).total_seconds():.0f}s)")
            run.lock.close()
            del self.running[name]
            self.exit_status = max(self.exit_status, run.process.returncode)

    def wait(self) -> None:
        while self.running:
            time.sleep(0.2)
            self._reap()

    def _write(self, line: str) -> None:
        stamped = f"{datetime.now(timezone.utc).isoformat(timespec='seconds')} {line}"
        self.log(stamped)
        with (self.home / "schedule.log").open("a", encoding="utf-8") as fh:
            fh.write(stamped + "\n")


def run_schedule(sites: list[Site], home: Path, max_runs: int | None = None, immediately: bool = False,
                 tick_seconds: float = 5.0) -> int:
    """Run until interrupted, or until ``max_runs`` runs were due (started, or skipped because one
    was still going) and the started ones have finished. ``immediately`` without ``max_runs`` is one
    pass: every scheduled site once, now. Returns the highest exit status of the runs (0: none failed)."""
    home.mkdir(parents=True, exist_ok=True)
    scheduler = Scheduler(sites, home)
    if not scheduler.sites:
        raise ValueError("no site in the sources file has a schedule")
    if immediately and max_runs is None:
        max_runs = len(scheduler.sites)
    scheduler.plan(datetime.now(timezone.utc), immediately)
    due = 0
    try:
        while max_runs is None or due < max_runs:
            due += scheduler.tick(datetime.now(timezone.utc))
            if max_runs is not None and due >= max_runs:
                break
            time.sleep(tick_seconds)
    finally:
        scheduler.wait()
    return scheduler.exit_status
