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


def entry_key(entry: dict) -> tuple[str, str]:
    return str(entry.get("source") or ""), str(entry.get("url") or "")


class DeadLetter:
    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.count = 0
        self._lock = threading.Lock()
        self._known: set[tuple[str, str]] | None = None

    def _keys(self) -> set[tuple[str, str]]:
        if self._known is None:
            entries, _ = read_entries(self.path) if self.path.exists() else ([], [])
            self._known = {entry_key(e) for e in entries}
        return self._known

    def record(self, source: str, reason: str, url: str | None = None, stage: str | None = None,
               path: str | None = None) -> bool:
        """Append one failure unless this input is already in the file; True when written."""
        entry = {"source": source, "url": url, "stage": stage, "reason": reason,
                 "at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        if path and path != source:
            entry["path"] = path
        with self._lock:
            key = entry_key(entry)
            if key in self._keys():
                return False
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="ascii") as fh:
                fh.write(json.dumps(entry, ensure_ascii=True) + "\n")
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
