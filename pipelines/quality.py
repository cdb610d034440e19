"""Per-site extraction quality, remembered across runs, so that a layout change raises an alarm.

For every run, per site: documents, the share of extracted words the rules removed, the share of pages with
no article left, and the shares without a title or a date. A site whose latest figures jump against its own
history (the mean of its earlier runs) is listed by ``newsindex quality`` and printed with the crawl's stats.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from pipelines.base import Item, Stage, StageError
from pipelines.dedupe import site_group
from pipelines.textmeta import word_count

# How far a share may move against the site's own history before it is an alarm, and how many documents a
# run (and the history) needs before its shares mean anything.
JUMPS = {"removed_share": 0.2, "empty_share": 0.2, "untitled_share": 0.3, "undated_share": 0.3}
MIN_DOCS = 5
HISTORY_RUNS = 10


@dataclass
class SiteFigures:
    docs: int = 0
    empty: int = 0
    untitled: int = 0
    undated: int = 0
    words_kept: int = 0
    words_removed: int = 0

    def add(self, item: Item) -> None:
        self.docs += 1
        if not item.get("paragraphs"):
            self.empty += 1
        self.untitled += not item.get("title")
        self.undated += not item.get("published")
        self.words_kept += sum(word_count(p) for p in item.get("paragraphs") or [])
        self.words_removed += sum(word_count(r["text"]) for r in item.get("removed") or []
                                  if not r.get("kept_anyway") and r.get("reason") != "title-repeat")

    def shares(self) -> dict[str, float]:
        words = self.words_kept + self.words_removed
        return {"removed_share": self.words_removed / words if words else 0.0,
                "empty_share": self.empty / self.docs if self.docs else 0.0,
                "untitled_share": self.untitled / self.docs if self.docs else 0.0,
                "undated_share": self.undated / self.docs if self.docs else 0.0}


@dataclass
class Alarm:
    site: str
    figure: str
    now: float
    usual: float

    def line(self) -> str:
        return (f"{self.site}: {self.figure.replace('_', ' ')} {self.now:.0%} against {self.usual:.0%} in its "
                "earlier runs — a layout change? (run `newsindex extract --explain` on one of its pages)")


class QualityStore:
    def __init__(self, path: Path | str):
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(str(path), timeout=30)
        self.conn.execute("CREATE TABLE IF NOT EXISTS runs (site TEXT, at TEXT, docs INTEGER, removed_share REAL, "
                          "empty_share REAL, untitled_share REAL, undated_share REAL)")
        self.conn.execute("CREATE INDEX IF NOT EXISTS runs_site ON runs (site, at)")

    def record(self, site: str, figures: SiteFigures, at: str) -> None:
        shares = figures.shares()
        self.conn.execute("INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?)",
                          (site, at, figures.docs, *(shares[k] for k in JUMPS)))
        self.conn.commit()

    def sites(self) -> list[str]:
        return [row[0] for row in self.conn.execute("SELECT DISTINCT site FROM runs ORDER BY site")]

    def latest(self, site: str) -> tuple[int, dict[str, float]] | None:
        row = self.conn.execute(f"SELECT docs, {', '.join(JUMPS)} FROM runs WHERE site = ? ORDER BY at DESC "
                                "LIMIT 1", (site,)).fetchone()
        return (row[0], dict(zip(JUMPS, row[1:], strict=True))) if row else None

    def alarms(self, site: str) -> list[Alarm]:
        """The latest run of ``site`` against the mean of its earlier runs (enough documents in both)."""
        rows = self.conn.execute(f"SELECT docs, {', '.join(JUMPS)} FROM runs WHERE site = ? ORDER BY at DESC "
                                 "LIMIT ?", (site, HISTORY_RUNS + 1)).fetchall()
        if len(rows) < 2 or rows[0][0] < MIN_DOCS:
            return []
        history = [r for r in rows[1:] if r[0] >= MIN_DOCS]
        if not history:
            return []
        alarms = []
        for i, (figure, jump) in enumerate(JUMPS.items(), 1):
            usual = sum(r[i] for r in history) / len(history)
            if rows[0][i] - usual > jump:
                alarms.append(Alarm(site, figure, rows[0][i], usual))
        return alarms

    def close(self) -> None:
        self.conn.close()


def history_key(item: Item) -> str:
    """Whose history a document adds to: its site's name in the sources file (two sites served on one host are
    two histories), else its host (or folder, for files without a URL)."""
    return item.get("source_name") or site_group(item)


class QualityStage(Stage):
    """Right after extraction: counts each site's figures for this run (the empty pages included, which it
    then fails, with extraction's reason), and at the end of the run stores them and reports the alarms."""

    name = "quality"
    setting_names = {"path": "NEWSINDEX_QUALITY_PATH"}

    def __init__(self, path: Path | str | None = None):
        self.path = path
        self.figures: dict[str, SiteFigures] = defaultdict(SiteFigures)
        self.started = datetime.now(timezone.utc).isoformat(timespec="microseconds")
        self.alarms: list[Alarm] = []
        self.crawler = None

    @classmethod
    def from_crawler(cls, crawler) -> Stage:
        stage = cls.from_settings(crawler.settings)
        stage.crawler = crawler  # its stats exist once the crawl has started
        return stage

    def process(self, item: Item) -> Item:
        self.figures[history_key(item)].add(item)
        if not item.get("paragraphs"):
            raise StageError(item.pop("no_article", None) or "no article text found")
        return item

    def close(self) -> None:
        if not self.path or not self.figures:
            return
        store = QualityStore(self.path)
        try:
            for site, figures in self.figures.items():
                store.record(site, figures, self.started)
                self.alarms += store.alarms(site)
        finally:
            store.close()
        self.figures.clear()
        if self.crawler is not None and self.alarms:
            self.crawler.stats.set_value("newsindex/quality_alarms", [alarm.line() for alarm in self.alarms])

