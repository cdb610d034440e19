"""Per-site template knowledge, remembered across runs: SQLite by default, Redis with ``REDIS_URL``.

For each page of a site: its blocks (region, text signature), kept so that recording a page again (a
re-crawl, a re-index, a revision) replaces its counts instead of adding to them; and its lines with the
verdict they were cleaned with, so that a run can tell which documents a change of the site's knowledge
affects (``newsindex.revise``). Per region: pages, text occurrences, recurring occurrences, distinct texts
and an example. Per site: a generation, raised by every change of its counts, and the generation its
documents were last revised at.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pipelines.template import Line, Region

Block = tuple[str, str]  # (region id, text signature)


def _pack(blocks: Iterable[Block]) -> str:
    return ",".join(f"{rid}:{sig}" for rid, sig in sorted(set(blocks)))


def _unpack(packed: str | bytes | None) -> set[Block]:
    if not packed:
        return set()
    text = packed.decode() if isinstance(packed, bytes) else packed
    return {tuple(pair.split(":", 1)) for pair in text.split(",")}  # type: ignore[misc]


def _recurring(count: int) -> int:
    return count if count >= 2 else 0


@dataclass
class StoredPage:
    page: str
    lines: list[Line]
    origin: dict
    digest: str  # "<the site's generation when it was judged>:<its verdict's digest>"

    @property
    def judged_at(self) -> int:
        return int(self.digest.partition(":")[0] or 0)

    @property
    def verdict(self) -> str:
        return self.digest.partition(":")[2]


def _lines_json(lines: list[Line]) -> str:
    return json.dumps([[line.region or "", line.signature, line.words, line.box or ""] for line in lines])


def _lines_of(text: str | bytes) -> list[Line]:
    return [Line(region or None, sig, words, box or None) for region, sig, words, box in json.loads(text)]


class SqliteTemplateStore:
    """``conn``: the paragraph store's connection to the same file, so that one batch transaction holds both
    (two connections would lock each other out)."""

    def __init__(self, path: str, conn=None):
        from pipelines.store import _connect

        self.conn = conn or _connect(path)
        self._own = conn is None
        self.conn.executescript(
            "CREATE TABLE IF NOT EXISTS template_page (site TEXT, page TEXT, blocks TEXT, lines TEXT, origin TEXT,"
            " digest TEXT, PRIMARY KEY (site, page)) WITHOUT ROWID;"
            "CREATE TABLE IF NOT EXISTS template_region (site TEXT, rid TEXT, pages INTEGER, occurrences INTEGER,"
            " recurring INTEGER, texts INTEGER, path TEXT, example TEXT, PRIMARY KEY (site, rid)) WITHOUT ROWID;"
            "CREATE TABLE IF NOT EXISTS template_text (site TEXT, rid TEXT, sig TEXT, pages INTEGER,"
            " PRIMARY KEY (site, rid, sig)) WITHOUT ROWID;"
            "CREATE TABLE IF NOT EXISTS template_site (site TEXT PRIMARY KEY, generation INTEGER, revised INTEGER);")

    def record(self, site: str, page: str, blocks: Iterable[Block], examples: dict[str, list[str]],
               commit: bool = True) -> bool:
        """The page's blocks replace what was recorded for it before; False when nothing changed."""
        new = {tuple(b) for b in blocks}
        row = self.conn.execute("SELECT blocks FROM template_page WHERE site = ? AND page = ?", (site, page)).fetchone()
        old = _unpack(row[0]) if row else set()
        if row is not None and old == new:
            return False
        self.conn.execute("INSERT INTO template_page VALUES (?, ?, ?, '[]', '{}', '') ON CONFLICT(site, page) "
                          "DO UPDATE SET blocks = excluded.blocks", (site, page, _pack(new)))
        region_pages = Counter({rid: 1 for rid, _ in new})
        region_pages.subtract({rid: 1 for rid, _ in old})
        steps = [(b, 1) for b in new - old] + [(b, -1) for b in old - new]
        counts = self._text_counts(site, [b for b, _ in steps])
        deltas: dict[str, list[int]] = {}  # rid → [pages, occurrences, recurring, texts]
        rows = []
        for (rid, sig), step in steps:
            before = counts.get((rid, sig), 0)
            after = max(0, before + step)
            rows.append((site, rid, sig, after))
            d = deltas.setdefault(rid, [0, 0, 0, 0])
            d[1] += after - before
            d[2] += _recurring(after) - _recurring(before)
            d[3] += (after > 0) - (before > 0)
        self.conn.executemany("INSERT OR REPLACE INTO template_text VALUES (?, ?, ?, ?)", rows)
        for rid, change in region_pages.items():
            deltas.setdefault(rid, [0, 0, 0, 0])[0] += change
        self.conn.executemany("INSERT OR IGNORE INTO template_region VALUES (?, ?, 0, 0, 0, 0, ?, ?)",
                              [(site, rid, *examples.get(rid, ["", ""])) for rid in deltas])
        self.conn.executemany("UPDATE template_region SET pages = pages + ?, occurrences = occurrences + ?, "
                              "recurring = recurring + ?, texts = texts + ? WHERE site = ? AND rid = ?",
                              [(*values, site, rid) for rid, values in deltas.items()])
        self.conn.execute("INSERT INTO template_site VALUES (?, 1, 0) ON CONFLICT(site) DO UPDATE SET "
                          "generation = generation + 1", (site,))
        if commit:
            self.conn.commit()
        return True

    def _text_counts(self, site: str, blocks: list[Block]) -> dict[Block, int]:
        """Pages each (region, text) was seen on, for many at once."""
        found: dict[Block, int] = {}
        for start in range(0, len(blocks), 300):
            chunk = blocks[start:start + 300]
            marks = ",".join("(?, ?)" for _ in chunk)
            rows = self.conn.execute(f"SELECT rid, sig, pages FROM template_text WHERE site = ? AND (rid, sig) IN "
                                     f"(VALUES {marks})", [site, *(v for block in chunk for v in block)])
            found.update({(rid, sig): pages for rid, sig, pages in rows})
        return found

    def regions(self, site: str, rids: Iterable[str]) -> dict[str, Region]:
        wanted = list(set(rids))
        found: dict[str, Region] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            rows = self.conn.execute(
                "SELECT rid, pages, occurrences, recurring, texts, path FROM template_region WHERE site = ? "
                f"AND rid IN ({','.join('?' * len(chunk))})", [site, *chunk])
            found.update({rid: Region(*values) for rid, *values in rows})
        return found

    def save_page(self, site: str, page: str, lines: list[Line], origin: dict, digest: str,
                  commit: bool = True) -> None:
        self.conn.execute("INSERT INTO template_page VALUES (?, ?, '', ?, ?, ?) ON CONFLICT(site, page) DO UPDATE "
                          "SET lines = excluded.lines, origin = excluded.origin, digest = excluded.digest",
                          (site, page, _lines_json(lines), json.dumps(origin), digest))
        if commit:
            self.conn.commit()

    def pages(self, site: str) -> Iterator[StoredPage]:
        last = ""
        while rows := self.conn.execute("SELECT page, lines, origin, digest FROM template_page WHERE site = ? "
                                        "AND page > ? ORDER BY page LIMIT 500", (site, last)).fetchall():
            for page, lines, origin, digest in rows:
                yield StoredPage(page, _lines_of(lines), json.loads(origin), digest)
            last = rows[-1][0]

    def changed_sites(self) -> dict[str, int]:
        """Sites whose counts changed since their documents were last revised: site → generation."""
        return dict(self.conn.execute("SELECT site, generation FROM template_site WHERE generation > revised"))

    def generation(self, site: str) -> int:
        row = self.conn.execute("SELECT generation FROM template_site WHERE site = ?", (site,)).fetchone()
        return row[0] if row else 0

    def mark_revised(self, site: str, generation: int) -> None:
        self.conn.execute("UPDATE template_site SET revised = ? WHERE site = ?", (generation, site))
        self.conn.commit()

    def sites(self) -> list[tuple[str, int]]:
        """Every site with template knowledge, with its number of pages."""
        return list(self.conn.execute("SELECT site, COUNT(*) FROM template_page GROUP BY site ORDER BY site"))

    def site_regions(self, site: str) -> list[tuple[Region, str]]:
        """Every region of a site with its example text, most pages first."""
        rows = self.conn.execute("SELECT pages, occurrences, recurring, texts, path, example FROM template_region "
                                 "WHERE site = ? AND pages > 0 ORDER BY pages DESC, path", (site,))
        return [(Region(*values), example) for *values, example in rows]

    def commit(self) -> None:
        self.conn.commit()

    def close(self) -> None:
        self.conn.commit()
        if self._own:
            self.conn.close()


class RedisTemplateStore:
    """The same counts in Redis, for crawler processes on several machines. Each count moves by HINCRBY, whose
    returned value tells the step's effect on the derived counts, so workers recording different pages at
    once keep them exact (one page is fetched by one worker at a time: the run's shared dupefilter)."""

    def __init__(self, url: str, prefix: str = "newsindex"):
        import redis

        self.redis, self.prefix = redis.Redis.from_url(url), prefix

    def _key(self, site: str, what: str) -> str:
        return f"{self.prefix}:tpl:{site}:{what}"

    def record(self, site: str, page: str, blocks: Iterable[Block], examples: dict[str, list[str]],
               commit: bool = True) -> bool:
        new = {tuple(b) for b in blocks}
        packed = _pack(new)
        previous = self.redis.hget(self._key(site, "blocks"), page)
        if previous is not None and _unpack(previous) == new:
            return False
        self.redis.hset(self._key(site, "blocks"), page, packed)
        old = _unpack(previous)
        deltas: dict[str, list[int]] = {}
        for (rid, sig), step in [(b, 1) for b in new - old] + [(b, -1) for b in old - new]:
            after = max(0, int(self.redis.hincrby(self._key(site, f"text:{rid}"), sig, step)))
            before = after - step
            d = deltas.setdefault(rid, [0, 0, 0, 0])
            d[1] += after - before
            d[2] += _recurring(after) - _recurring(before)
            d[3] += (after > 0) - (before > 0)
        region_pages = Counter({rid: 1 for rid, _ in new})
        region_pages.subtract({rid: 1 for rid, _ in old})
        for rid, change in region_pages.items():
            deltas.setdefault(rid, [0, 0, 0, 0])[0] += change
        pipe = self.redis.pipeline()
        for rid, values in deltas.items():
            key = self._key(site, f"region:{rid}")
            for field, value in zip(("pages", "occurrences", "recurring", "texts"), values, strict=True):
                if value:
                    pipe.hincrby(key, field, value)
            path, example = examples.get(rid, ["", ""])
            pipe.hsetnx(key, "path", path)
            pipe.hsetnx(key, "example", example)
            pipe.sadd(self._key(site, "regions"), rid)
        pipe.hincrby(f"{self.prefix}:tpl:generation", site, 1)
        pipe.execute()
        return True

    def _region(self, values: dict) -> Region:
        number = {k.decode(): int(v) for k, v in values.items() if k.decode() not in ("path", "example")}
        return Region(number.get("pages", 0), number.get("occurrences", 0), number.get("recurring", 0),
                      number.get("texts", 0), (values.get(b"path") or b"").decode())

    def regions(self, site: str, rids: Iterable[str]) -> dict[str, Region]:
        wanted = list(set(rids))
        pipe = self.redis.pipeline()
        for rid in wanted:
            pipe.hgetall(self._key(site, f"region:{rid}"))
        return {rid: self._region(values) for rid, values in zip(wanted, pipe.execute(), strict=True) if values}

    def save_page(self, site: str, page: str, lines: list[Line], origin: dict, digest: str,
                  commit: bool = True) -> None:
        self.redis.hset(self._key(site, "pages"), page,
                        json.dumps({"lines": _lines_json(lines), "origin": origin, "digest": digest}))

    def pages(self, site: str) -> Iterator[StoredPage]:
        for page, value in self.redis.hscan_iter(self._key(site, "pages"), count=500):
            stored = json.loads(value)
            yield StoredPage(page.decode(), _lines_of(stored["lines"]), stored["origin"], stored["digest"])

    def changed_sites(self) -> dict[str, int]:
        generations = self.redis.hgetall(f"{self.prefix}:tpl:generation")
        revised = self.redis.hgetall(f"{self.prefix}:tpl:revised")
        return {site.decode(): int(g) for site, g in generations.items() if int(g) > int(revised.get(site, 0))}

    def mark_revised(self, site: str, generation: int) -> None:
        self.redis.hset(f"{self.prefix}:tpl:revised", site, generation)

    def generation(self, site: str) -> int:
        return int(self.redis.hget(f"{self.prefix}:tpl:generation", site) or 0)

    def sites(self) -> list[tuple[str, int]]:
        names = sorted(site.decode() for site in self.redis.hkeys(f"{self.prefix}:tpl:generation"))
        return [(site, self.redis.hlen(self._key(site, "blocks"))) for site in names]

    def site_regions(self, site: str) -> list[tuple[Region, str]]:
        rids = [rid.decode() for rid in self.redis.smembers(self._key(site, "regions"))]
        pipe = self.redis.pipeline()
        for rid in rids:
            pipe.hgetall(self._key(site, f"region:{rid}"))
        found = [(self._region(v), (v.get(b"example") or b"").decode()) for v in pipe.execute() if v]
        return sorted((r for r in found if r[0].pages > 0), key=lambda r: (-r[0].pages, r[0].path))

    def commit(self) -> None:
        """Writes are applied as they happen."""

    def close(self) -> None:
        self.redis.close()


def template_store(path: str | None, redis_url: str | None = None, conn=None):
    """SQLite at ``path`` (":memory:" included; on ``conn`` when given), else Redis at ``redis_url``."""
    if path:
        return SqliteTemplateStore(str(path), conn)
    if redis_url:
        return RedisTemplateStore(redis_url)
    raise ValueError("no template store: give a store path or a Redis URL")
