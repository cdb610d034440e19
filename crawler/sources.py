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


def _warc_record_item(record, number: int, name: str, path: Path, parser,
                      not_article: Callable[[str], str | None] | None) -> dict | ReadFailure | Skipped | None:
    """One WARC record as a raw item, a failure or a skip; None for records that are not HTML/text responses."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    if record.rec_type == "response" and not url:
        return ReadFailure(name, f"WARC record {number}: a response without WARC-Target-URI (or cut short)")
    try:
        record.http_headers = _article_headers(record, parser)
    except (EOFError, ValueError, IndexError) as exc:
        return ReadFailure(name, f"WARC record {number}: unreadable HTTP headers ({type(exc).__name__})")
    if record.http_headers is None:
        return None
    if not_article and (why := not_article(url)):
        return Skipped(f"{name} {url}", why, "non-article URLs")
    body = record.content_stream().read(MAX_READ_BYTES + 1)
    if len(body) <= MAX_READ_BYTES and getattr(record.raw_stream, "limit", 0) > 0:
        return ReadFailure(name, f"WARC record {number} ({url}) is cut short: the archive is truncated")
    return {"source": name, "path": os.fsdecode(path), "url": url, "body": body,
            "content_type": record.http_headers.get_header("Content-Type") or "",
            "fetched_at": record.rec_headers.get_header("WARC-Date")}


def _record_parser():
    from warcio.recordloader import ArcWarcRecordLoader

    return ArcWarcRecordLoader(verify_http=False).http_parser


def iter_warc_items(path: Path, not_article: Callable[[str], str | None] | None = None,
                    ) -> Iterator[dict | ReadFailure | Skipped]:
    """HTML/text responses of a WARC file (ours or Common Crawl's), as raw items.

    Each record stands alone: one without a target URI, or with broken HTTP headers, is reported and the
    reader goes on; an archive that breaks off (truncated, garbled) is reported after the records read
    before the break. ``not_article(url)`` says why a record is not an article (a section page by its site's
    allow/deny rules, robots.txt); such records are skipped, and counted.
    """
    from warcio.archiveiterator import ArchiveIterator

    parser = _record_parser()
    name = display_name(path)
    responses = 0
    try:
        with path.open("rb") as fh:
            # no_record_parse: HTTP headers are parsed here, per record, so one bad record fails alone.
            for number, record in enumerate(ArchiveIterator(fh, no_record_parse=True), 1):
                item = _warc_record_item(record, number, name, path, parser, not_article)
                if item is not None:
                    responses += not isinstance(item, ReadFailure)
                    yield item
    except Exception as exc:  # warcio raises many kinds on a broken archive; the run goes on
        where = f" after {responses} responses" if responses else ""
        detail = "unknown format, not a WARC or ARC archive" if type(exc).__name__ == "ArchiveLoadFailed" else \
            f"{type(exc).__name__}: {' '.join(str(exc).split())[:160]}"
        yield ReadFailure(name, f"unreadable WARC{where}: {detail}")
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


def latest_archived(folder: Path) -> dict[str, tuple[Path, int]]:
    """Newest response record of each URL in a folder of WARC archives (ours are named
    ``<site>-<UTC time>.warc.gz``, so name order is time order): canonical URL → (file, record offset)."""
    from warcio.archiveiterator import ArchiveIterator

    from pipelines.identity import canonical_url

    newest: dict[str, tuple[Path, int]] = {}
    for path in sorted(p for p in folder.glob("*.warc*") if is_warc(p)):
        try:
            with path.open("rb") as fh:
                iterator = ArchiveIterator(fh, no_record_parse=True)
                for record in iterator:
                    url = record.rec_headers.get_header("WARC-Target-URI")
                    if record.rec_type == "response" and url:
                        newest[canonical_url(url)] = (path, iterator.get_record_offset())
        except Exception:  # a broken archive still gives the records before the break
            continue
    return newest


def read_archived(path: Path, offset: int) -> dict | ReadFailure | Skipped:
    """The raw item of the record at ``offset`` (see ``latest_archived``)."""
    from warcio.archiveiterator import ArchiveIterator

    name = display_name(path)
    try:
        with path.open("rb") as fh:
            fh.seek(offset)
            record = next(iter(ArchiveIterator(fh, no_record_parse=True)))
            item = _warc_record_item(record, 1, name, path, _record_parser(), None)
    except Exception as exc:
        return ReadFailure(name, f"archived record at offset {offset} unreadable: {type(exc).__name__}")
    if isinstance(item, dict):  # a crawled page: its source is the URL it was fetched from, as in the crawl
        item["source"] = item["url"]
    return item or Skipped(name, f"the archived record at offset {offset} is not an HTML or text 200 response",
                           "non-article records")
