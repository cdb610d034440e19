"""The dead-letter file: one JSON line per failed input, enough to run it again."""

from __future__ import annotations

import json
import threading
from datetime import datetime, timezone
from pathlib import Path


class DeadLetter:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.count = 0
        self._lock = threading.Lock()

    def record(self, source: str, reason: str, url: str | None = None, stage: str | None = None) -> None:
        entry = {"source": source, "url": url, "stage": stage, "reason": reason,
                 "at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
            self.count += 1

    def record_item(self, item: dict, reason: str) -> None:
        self.record(item.get("source") or item.get("url") or "?", reason, item.get("url"), reason.split(":")[0])


def read_entries(path: Path) -> list[dict]:
    entries = []
    with Path(path).open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if line.strip():
                try:
                    entries.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{number}: not a dead-letter line ({exc.msg})") from exc
    return entries
