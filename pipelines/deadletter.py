"""The failure sink: one JSON line per failed input, enough to run it again.

Every failure of every component lands here once: an input already in the file (same source and URL)
is not written again, so reruns do not pile up copies. Lines are ASCII JSON, so a file name that is not
UTF-8 survives the round trip (as surrogate escapes) and replay finds the file.
"""

from __future__ import annotations

import json
import threading
from datetime import datetime, timezone
from pathlib import Path

from pipelines.userinfo import without_credentials


def entry_key(entry: dict) -> tuple[str, str]:
    return str(entry.get("source") or ""), str(entry.get("url") or "")


class DeadLetter:
    """One writer per file and process (``DeadLetter(path)`` hands back the same one): the file is read once,
    then only what other processes appended since (under an exclusive lock, so two runs at once never write
    one input twice). Each line goes in one write; a torn last line (a full disk, a kill mid-write) is ended
    before the next entry, so it never swallows it."""

    _writers: dict[Path, DeadLetter] = {}
    _registry_lock = threading.Lock()

    def __new__(cls, path: Path | str):
        resolved = Path(path).absolute()
        with cls._registry_lock:
            writer = cls._writers.get(resolved)
            if writer is None:
                writer = super().__new__(cls)
                writer._setup(resolved)
                cls._writers[resolved] = writer
            return writer

    def _setup(self, path: Path) -> None:
        self.path = path
        self.count = 0
        self._lock = threading.Lock()
        self._known: set[tuple[str, str]] = set()
        self._offset = 0  # how far this process has read the file
        self._inode: tuple[int, int] | None = None

    def _catch_up(self, fh) -> None:
        """Keys of the entries appended since this process last read the file (all of it, the first time, or
        when the file was replaced: a replay moves it aside)."""
        import os

        status = os.fstat(fh.fileno())
        if (status.st_ino, status.st_dev) != self._inode or status.st_size < self._offset:
            self._inode, self._offset, self._known = (status.st_ino, status.st_dev), 0, set()
        fh.seek(self._offset)
        data = fh.read()
        complete = data[: data.rfind(b"\n") + 1]
        for line in complete.splitlines():
            try:
                entry = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError):
                continue
            if isinstance(entry, dict):
                self._known.add(entry_key(entry))
        self._offset += len(data)
        if data and not data.endswith(b"\n"):  # a torn last line: ended, so the next entry stands alone
            fh.write(b"\n")
            self._offset += 1

    def record(self, source: str, reason: str, url: str | None = None, stage: str | None = None,
               path: str | None = None) -> bool:
        """Append one failure unless this input is already in the file; True when written."""
        import fcntl

        entry = {"source": source, "url": without_credentials(url), "stage": stage, "reason": reason,
                 "at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        entry["source"] = without_credentials(source)
        if path and path != source:
            entry["path"] = path
        key = entry_key(entry)
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a+b") as fh:
                fcntl.flock(fh, fcntl.LOCK_EX)
                try:
                    self._catch_up(fh)
                    if key in self._known:
                        return False
                    line = (json.dumps(entry, ensure_ascii=True) + "\n").encode("ascii")
                    fh.write(line)
                    fh.flush()
                    self._offset += len(line)
                finally:
                    fcntl.flock(fh, fcntl.LOCK_UN)
            self._known.add(key)
            self.count += 1
            return True

    def record_item(self, item: dict, reason: str) -> bool:
        source = item.get("source") or item.get("url") or "?"
        return self.record(source, reason, item.get("url"), reason.split(":")[0], item.get("path"))


def read_entries(path: Path | str) -> tuple[list[dict], list[str]]:
    """The entries of a dead-letter file, and a warning for each line that is not one (skipped)."""
    entries, warnings = [], []
    with Path(path).open(encoding="utf-8", errors="replace") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError as exc:
                warnings.append(f"{path}:{number}: skipped, not a dead-letter line ({exc.msg})")
                continue
            if not isinstance(entry, dict) or not entry.get("source"):
                warnings.append(f"{path}:{number}: skipped, a JSON line without a source")
                continue
            entries.append(entry)
    return entries, warnings
