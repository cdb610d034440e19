"""Local files as a source: the seed folder, any folder or file list, .gz forms, WARC archives.

Yields raw items (``source``, ``body`` bytes, ``content_type``, ``fetched_at``) — the same
shape the spiders yield — or ``ReadFailure`` for inputs that cannot be read.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

ARTICLE_SUFFIXES = (".html", ".htm", ".xhtml", ".txt", ".warc")
MAX_READ_BYTES = 64 * 1024 * 1024


@dataclass
class ReadFailure:
    source: str
    reason: str


@dataclass
class Skipped:
    source: str
    reason: str


def is_article_file(path: Path) -> bool:
    name = path.name.lower().removesuffix(".gz")
    return name.endswith(ARTICLE_SUFFIXES) and not path.name.startswith(".")


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | ReadFailure | Skipped]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if is_article_file(child):
                    yield child
                elif not child.name.startswith("."):
                    yield Skipped(str(child), f"not an article file type ({child.suffix or 'no suffix'})")
        elif path.is_file():
            yield path
        else:
            yield ReadFailure(str(path), "no such file or directory")


def read_file(path: Path) -> bytes:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as fh:
        return fh.read(MAX_READ_BYTES + 1)


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith((".warc", ".warc.gz"))


def iter_warc_items(path: Path) -> Iterator[dict | ReadFailure]:
    """HTML/text responses of a WARC file (ours or Common Crawl's), as raw items."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                status = record.http_headers.get_statuscode()
                content_type = record.http_headers.get_header("Content-Type") or ""
                if status != "200" or not any(t in content_type for t in ("html", "text/plain")):
                    continue
                yield {"source": str(path), "url": record.rec_headers.get_header("WARC-Target-URI"),
                       "body": record.content_stream().read(MAX_READ_BYTES + 1), "content_type": content_type,
                       "fetched_at": record.rec_headers.get_header("WARC-Date")}
    except (OSError, ArchiveLoadFailed, EOFError) as exc:
        yield ReadFailure(str(path), f"unreadable WARC: {exc}")


def iter_file_items(paths: Iterable[str | Path]) -> Iterator[dict | ReadFailure | Skipped]:
    for entry in expand_paths(paths):
        if not isinstance(entry, Path):
            yield entry
            continue
        if is_warc(entry):
            yield from iter_warc_items(entry)
            continue
        try:
            body = read_file(entry)
            mtime = datetime.fromtimestamp(entry.stat().st_mtime, timezone.utc)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            yield ReadFailure(str(entry), f"unreadable: {getattr(exc, 'strerror', None) or exc}")
            continue
        yield {"source": str(entry), "url": None, "body": body, "content_type": None,
               "fetched_at": mtime.isoformat(timespec="seconds")}
