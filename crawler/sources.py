"""Local files as a source: the seed folder, any folder or file list, .gz forms, WARC archives.

Yields raw items (``source``, ``body`` bytes, ``content_type``, ``fetched_at``) — the same
shape the spiders yield — or ``ReadFailure`` / ``Skipped`` for every input that gives no item,
so that a run can account for each one. Nothing here raises on a bad input: symlink loops,
dangling links, FIFOs, names that are not UTF-8, truncated or garbled archives are each
reported and the walk goes on.
"""

from __future__ import annotations

import gzip
import os
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator
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
    kind: str = "non-article files"  # how the run's account names this kind of skip


def display_name(path: str | os.PathLike) -> str:
    """A printable, JSON-safe form of a path whose name may not be valid UTF-8."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", "backslashreplace")


def is_article_file(path: Path) -> bool:
    name = path.name.lower().removesuffix(".gz")
    return name.endswith(ARTICLE_SUFFIXES) and not path.name.startswith(".")


def _kind_of(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"),
                       (stat.S_ISBLK, "a device")):
        if test(mode):
            return name
    return "not a regular file"


def _walk(folder: Path, seen: set[tuple[int, int]]) -> Iterator[Path | ReadFailure | Skipped]:
    """Depth-first, sorted, following symlinks but never into a directory already visited."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: os.fsencode(e.name))
    except OSError as exc:
        yield ReadFailure(display_name(folder), f"unreadable folder: {exc.strerror or exc}")
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith("."):
            continue
        try:
            info = os.stat(path)  # follows symlinks
        except OSError as exc:
            reason = "dangling symlink" if entry.is_symlink() else f"unreadable: {exc.strerror or exc}"
            if exc.errno == 40:  # ELOOP
                reason = "symlink loop"
            yield ReadFailure(display_name(path), reason)
            continue
        if stat.S_ISDIR(info.st_mode):
            key = (info.st_dev, info.st_ino)
            if key in seen:
                yield Skipped(display_name(path), "symlink loop: folder already visited", "symlink loops")
                continue
            seen.add(key)
            yield from _walk(path, seen)
        elif not stat.S_ISREG(info.st_mode):
            yield Skipped(display_name(path), f"{_kind_of(info.st_mode)}, not a file", "special files")
        elif is_article_file(path):
            yield path
        else:
            yield Skipped(display_name(path), f"not an article file type ({path.suffix or 'no suffix'})")


def expand_paths(paths: Iterable[str | bytes | Path]) -> Iterator[Path | ReadFailure | Skipped]:
    """Every named file, and every file below every named folder: a Path to read, or why not."""
    for raw in paths:
        path = Path(os.fsdecode(raw))
        try:
            info = os.stat(path)
        except OSError as exc:
            missing = exc.errno == 2 and not os.path.islink(path)
            reason = "no such file or directory" if missing else (
                "symlink loop" if exc.errno == 40 else
                "dangling symlink" if os.path.islink(path) else f"unreadable: {exc.strerror or exc}")
            yield ReadFailure(display_name(path), reason)
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(path, {(info.st_dev, info.st_ino)})
        elif stat.S_ISREG(info.st_mode):
            yield path
        else:
            yield Skipped(display_name(path), f"{_kind_of(info.st_mode)}, not a file", "special files")


def read_file(path: Path) -> bytes:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as fh:
        return fh.read(MAX_READ_BYTES + 1)


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith((".warc", ".warc.gz"))


def _article_headers(record, parser):
    """The HTTP headers of a 200 HTML/text response record, else None."""
    if record.rec_type != "response":
        return None
    headers = parser.parse(record.raw_stream)
    content_type = headers.get_header("Content-Type") or ""
    if headers.get_statuscode() != "200" or not any(t in content_type for t in ("html", "text/plain")):
        return None
    return headers


def iter_warc_items(path: Path, not_article: Callable[[str], str | None] | None = None,
                    ) -> Iterator[dict | ReadFailure | Skipped]:
    """HTML/text responses of a WARC file (ours or Common Crawl's), as raw items.

    Each record stands alone: one without a target URI, or with broken HTTP headers, is reported and the
    reader goes on; an archive that breaks off (truncated, garbled) is reported after the records read
    before the break. ``not_article(url)`` says why a record is not an article (a section page by its site's
    allow/deny rules, robots.txt); such records are skipped, and counted.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.recordloader import ArcWarcRecordLoader

    parser = ArcWarcRecordLoader(verify_http=False).http_parser
    name = display_name(path)
    responses = 0
    try:
        with path.open("rb") as fh:
            # no_record_parse: HTTP headers are parsed here, per record, so one bad record fails alone.
            for number, record in enumerate(ArchiveIterator(fh, no_record_parse=True), 1):
                url = record.rec_headers.get_header("WARC-Target-URI")
                if record.rec_type == "response" and not url:
                    yield ReadFailure(name, f"WARC record {number}: a response without WARC-Target-URI "
                                             "(or cut short)")
                    continue
                try:
                    record.http_headers = _article_headers(record, parser)
                except (EOFError, ValueError, IndexError) as exc:
                    yield ReadFailure(name, f"WARC record {number}: unreadable HTTP headers ({type(exc).__name__})")
                    continue
                if record.http_headers is None:
                    continue
                responses += 1
                if not_article and (why := not_article(url)):
                    yield Skipped(f"{name} {url}", why, "non-article URLs")
                    continue
                body = record.content_stream().read(MAX_READ_BYTES + 1)
                if len(body) <= MAX_READ_BYTES and getattr(record.raw_stream, "limit", 0) > 0:
                    yield ReadFailure(name, f"WARC record {number} ({url}) is cut short: the archive is truncated")
                    continue
                yield {"source": name, "path": os.fsdecode(path), "url": url, "body": body,
                       "content_type": record.http_headers.get_header("Content-Type") or "",
                       "fetched_at": record.rec_headers.get_header("WARC-Date")}
    except Exception as exc:  # warcio raises many kinds on a broken archive; the run goes on
        where = f" after {responses} responses" if responses else ""
        detail = " ".join(str(exc).split())[:160]
        yield ReadFailure(name, f"unreadable WARC{where}: {type(exc).__name__}: {detail}")
        return
    if responses == 0:
        yield Skipped(name, "WARC with no HTML or text responses", "WARCs without articles")


def iter_file_items(paths: Iterable[str | Path], not_article: Callable[[str], str | None] | None = None,
                    ) -> Iterator[dict | ReadFailure | Skipped]:
    for entry in expand_paths(paths):
        if not isinstance(entry, Path):
            yield entry
            continue
        if is_warc(entry):
            yield from iter_warc_items(entry, not_article)
            continue
        try:
            body = read_file(entry)
            mtime = datetime.fromtimestamp(entry.stat().st_mtime, timezone.utc)
        except (OSError, EOFError, zlib.error) as exc:
            yield ReadFailure(display_name(entry), f"unreadable: {getattr(exc, 'strerror', None) or exc}")
            continue
        # ``path`` keeps a name that is not UTF-8 as it is (surrogate escapes), so replay finds the file.
        yield {"source": display_name(entry), "path": os.fsdecode(entry), "url": None, "body": body,
               "content_type": None, "fetched_at": mtime.isoformat(timespec="seconds")}
