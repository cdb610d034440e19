"""Embedded stores for cross-document dedupe, remembered across runs (SQLite by default).

``ParagraphStore`` counts, per site, in how many distinct near-duplicate clusters a
paragraph signature was seen; ``SignatureStore`` keeps MinHash band keys and
signatures so later runs find near-duplicates of earlier documents.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np


def _connect(path: Path | str) -> sqlite3.Connection:
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=30)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    return conn


class ParagraphStore:
    def __init__(self, path: Path | str):
        self.path = str(path)
        self.conn = _connect(path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS paragraph_seen (site TEXT, sig TEXT, cluster TEXT, "
            "PRIMARY KEY (site, sig, cluster)) WITHOUT ROWID")

    def record(self, site: str, cluster: str, signatures: Iterable[str], commit: bool = True) -> None:
        self.conn.executemany("INSERT OR IGNORE INTO paragraph_seen VALUES (?, ?, ?)",
                              [(site, sig, cluster) for sig in set(signatures)])
        if commit:
            self.conn.commit()

    def commit(self) -> None:
        self.conn.commit()

    def counts(self, site: str, signatures: Iterable[str]) -> dict[str, int]:
        sigs = list(set(signatures))
        result: dict[str, int] = {}
        for start in range(0, len(sigs), 500):
            chunk = sigs[start:start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                f"SELECT sig, COUNT(*) FROM paragraph_seen WHERE site = ? AND sig IN ({marks}) GROUP BY sig",
                [site, *chunk])
            result.update(dict(rows))
        return result

    def close(self) -> None:
        self.conn.commit()
        self.conn.close()


class SignatureStore:
    def __init__(self, path: Path | str):
        self.path = str(path)
        self.conn = _connect(path)
        self.conn.executescript(
            "CREATE TABLE IF NOT EXISTS minhash (doc_id TEXT PRIMARY KEY, cluster TEXT, sig BLOB);"
            "CREATE TABLE IF NOT EXISTS minhash_band (band INTEGER, key BLOB, doc_id TEXT);"
            "CREATE INDEX IF NOT EXISTS minhash_band_by_key ON minhash_band (key);"
            # Replacing a document's bands looks them up by document: without this index every put scanned
            # the whole table (the store slowed down as it grew).
            "CREATE INDEX IF NOT EXISTS minhash_band_by_doc ON minhash_band (doc_id);")

    def candidates(self, bands: list[bytes]) -> set[str]:
        """Documents sharing at least one band, in one query (band positions checked after)."""
        wanted = set(enumerate(bands))
        marks = ",".join("?" * len(bands))
        rows = self.conn.execute(f"SELECT band, key, doc_id FROM minhash_band WHERE key IN ({marks})", bands)
        return {doc_id for band, key, doc_id in rows if (band, key) in wanted}

    def get(self, doc_id: str) -> tuple[str, np.ndarray] | None:
        row = self.conn.execute("SELECT cluster, sig FROM minhash WHERE doc_id = ?", (doc_id,)).fetchone()
        return (row[0], np.frombuffer(row[1], dtype=np.uint64)) if row else None

    def put(self, doc_id: str, cluster: str, signature: np.ndarray, bands: list[bytes], commit: bool = True) -> None:
        """Store a signature; ``commit=False`` lets a batch commit once (other connections wait meanwhile)."""
        self.conn.execute("DELETE FROM minhash_band WHERE doc_id = ?", (doc_id,))
        self.conn.execute("INSERT OR REPLACE INTO minhash VALUES (?, ?, ?)",
                          (doc_id, cluster, signature.astype(np.uint64).tobytes()))
        self.conn.executemany("INSERT INTO minhash_band VALUES (?, ?, ?)",
                              [(i, key, doc_id) for i, key in enumerate(bands)])
        if commit:
            self.conn.commit()

    def unassigned(self, page: int = 1000) -> Iterator[str]:
        """Documents put without a cluster (""), in id order, as they were when the reading began (their ids
        copied to a temporary table, so assigning some while reading misses none), read a page at a time: not
        held in memory."""
        self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS unassigned (doc_id TEXT PRIMARY KEY) WITHOUT ROWID")
        self.conn.execute("DELETE FROM temp.unassigned")
        self.conn.execute("INSERT INTO temp.unassigned SELECT doc_id FROM minhash WHERE cluster = ''")
        last = ""
        while rows := self.conn.execute("SELECT doc_id FROM temp.unassigned WHERE doc_id > ? ORDER BY doc_id "
                                        "LIMIT ?", (last, page)).fetchall():
            for (doc_id,) in rows:
                yield doc_id
            last = rows[-1][0]
        self.conn.execute("DELETE FROM temp.unassigned")

    def set_cluster(self, doc_id: str, cluster: str) -> None:
        self.conn.execute("UPDATE minhash SET cluster = ? WHERE doc_id = ?", (cluster, doc_id))

    def commit(self) -> None:
        self.conn.commit()

    def close(self) -> None:
        self.commit()
        self.conn.close()
