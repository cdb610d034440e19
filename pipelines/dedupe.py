"""Cross-document dedupe, each step signature → find → filter.

* ``NearDuplicateStage``: MinHash (datasketch) of word shingles → LSH band lookup in the
  store → a shared ``cluster_id`` (the story) for syndicated copies: union-find over verified near-duplicate
  pairs, so a chain A~B~C is one story, whose id is the smallest document id in it (whatever the order).
* ``SiteBoilerplateStage``: page blocks → per-site template regions (``pipelines.template``), and
  paragraph signatures → per-site count of distinct clusters that contain them → drop paragraphs in a
  template region or seen in at least N clusters.

In-document duplicates are handled earlier, in ``pipelines.repeats``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from datasketch import MinHash

from pipelines.base import Item, Stage
from pipelines.finalize import content_hash
from pipelines.store import ParagraphStore, SignatureStore
from pipelines.template import Line, TemplateConfig, Verdicts, judge, text_signature


@dataclass(frozen=True)
class DedupeConfig:
    """Every knob of cross-document dedupe, in one place."""

    num_perm: int = 128  # MinHash permutations
    bands: int = 32  # LSH bands (num_perm / bands rows each)
    shingle: int = 5  # words per shingle
    near_dup_threshold: float = 0.8  # verified Jaccard for one cluster
    site_repeat_threshold: int = 3  # distinct clusters of a site before a paragraph is boilerplate
    template_min_pages: int = 3  # pages of a site a region must have text on before it can be template
    template_repeat_share: float = 0.8  # share of a region's text occurrences that must recur in it

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> DedupeConfig:
        values = {"near_dup_threshold": settings.get("NEWSINDEX_NEAR_DUP_THRESHOLD"),
                  "site_repeat_threshold": settings.get("NEWSINDEX_SITE_REPEAT_THRESHOLD")}
        kinds = {"near_dup_threshold": float, "site_repeat_threshold": int}
        return cls(**{k: kinds[k](v) for k, v in values.items() if v is not None})

    def template(self) -> TemplateConfig:
        return TemplateConfig(min_pages=self.template_min_pages, repeat_share=self.template_repeat_share,
                              site_repeat_threshold=self.site_repeat_threshold)


# One signature of a paragraph's words for both kinds of site knowledge (text recurrence and template regions).
paragraph_signature = text_signature


@lru_cache(maxsize=8)
def _permutations(num_perm: int, seed: int = 1) -> np.ndarray:
    """MinHash's permutation parameters, drawn once per size instead of once per document."""
    return MinHash(num_perm=num_perm, seed=seed).permutations


def minhash_signature(text: str, num_perm: int = 128, shingle: int = 5) -> np.ndarray:
    """datasketch's MinHash of the text's word shingles, its default hash (the first four bytes of SHA-1,
    little-endian) taken in one pass here and handed over as numbers (``hashfunc=int``)."""
    words = re.findall(r"\w+", text.casefold())
    shingles = {" ".join(words[i:i + shingle]) for i in range(max(1, len(words) - shingle + 1))}
    digests = b"".join([hashlib.sha1(s.encode("utf-8")).digest()[:4] for s in shingles])
    mh = MinHash(num_perm=num_perm, seed=1, hashfunc=int, permutations=_permutations(num_perm), scheme="affine32")
    mh.update_batch(np.frombuffer(digests, dtype="<u4").tolist())
    return mh.hashvalues


def band_keys(signature: np.ndarray, bands: int) -> list[bytes]:
    """LSH band keys over the 32-bit hash values (MinHash's own type; a signature read back from a store
    comes as uint64 and must give the same keys)."""
    signature = signature.astype(np.uint32, copy=False)
    rows = len(signature) // bands
    return [hashlib.blake2b(signature[i * rows:(i + 1) * rows].tobytes(), digest_size=12).digest()
            for i in range(bands)]


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))


def site_group(item: Item) -> str:
    """The site whose boilerplate a document shares; files without a URL group by folder."""
    return item.get("site") or "folder:" + Path(item.get("source", "")).parent.name


def _open_store(path: str | Path | None, redis_url: str | None, sqlite_store: type, redis_store: str):
    """SQLite at ``path`` (":memory:" included), else Redis at ``redis_url`` (the scale-out path)."""
    if path:
        return sqlite_store(str(path))
    if redis_url:
        from pipelines import redis_store as module

        return getattr(module, redis_store)(redis_url)
    raise ValueError("no dedupe store: give a store path or a Redis URL")


def signature_store(path: str | Path | None, redis_url: str | None = None):
    return _open_store(path, redis_url, SignatureStore, "RedisSignatureStore")


def paragraph_store(path: str | Path | None, redis_url: str | None = None):
    return _open_store(path, redis_url, ParagraphStore, "RedisParagraphStore")


class _DedupeStage(Stage):
    """Both cross-document stages: one store location and one ``DedupeConfig`` from the settings."""

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> Stage:
        return cls(settings.get("NEWSINDEX_STORE_PATH"), DedupeConfig.from_settings(settings),
                   redis_url=settings.get("REDIS_URL"))


def story_of(store, doc_id: str, compress: bool = True) -> str:
    """The story (union-find root) of a document: its ``cluster`` is a parent pointer, followed to a document
    that is its own (or not yet assigned, "") story; the path is compressed on the way (``compress``: the caller
    commits the writes). Bounded: a cycle (a store written by hand) ends the walk."""
    path, node = [], doc_id
    while len(path) < 10_000:
        found = store.get(node)
        parent = found[0] if found else ""
        if not parent or parent == node:
            break
        path.append(node)
        node = parent
    for member in path[:-1] if compress else []:
        store.set_cluster(member, node)
    return node


def join_stories(store, a: str, b: str) -> tuple[str, str] | None:
    """One story for the two documents' stories: the smaller root stays (ids stable whatever the order of
    arrival). Returns (absorbed story, kept story) when two stories became one."""
    ra, rb = story_of(store, a), story_of(store, b)
    if ra == rb:
        return None
    keep, absorbed = min(ra, rb), max(ra, rb)
    store.set_cluster(absorbed, keep)
    if store.get(keep) and not store.get(keep)[0]:
        store.set_cluster(keep, keep)
    return absorbed, keep


class NearDuplicateStage(_DedupeStage):
    name = "near-duplicates"

    def __init__(self, store_path: str | Path | None, config: DedupeConfig = DedupeConfig(),
                 redis_url: str | None = None):
        self.store = signature_store(store_path, redis_url)
        self.config = config
        self._prepared = False
        # Stories of earlier runs absorbed into another this run: absorbed → kept (their indexed documents carry
        # the absorbed id until ``newsindex.stories.restamp`` rewrites them). Under Scrapy, in the crawl's stats.
        self.merged: dict[str, str] = {}
        self.crawler = None

    @classmethod
    def from_crawler(cls, crawler) -> NearDuplicateStage:
        stage = cls.from_settings(crawler.settings)
        stage.crawler = crawler
        return stage

    def prepare(self, batch: Iterable[Item]) -> None:
        """Two passes over the store: every signature in, unassigned (""); then each document joined with its
        verified near-duplicates (union-find), in id order, so the stories of one batch do not depend on file
        order. SQLite reads the batch's ids back page by page from a copy taken before the joins (which assign
        later documents as they go), so nothing of the batch stays in memory; Redis keeps its ids."""
        ids: list[str] | None = None if hasattr(self.store, "unassigned") else []
        for item in batch:
            signature = self._signature(item)
            self.store.put(item["id"], "", signature, band_keys(signature, self.config.bands), commit=False)
            if ids is not None:
                ids.append(item["id"])
        order = self.store.unassigned() if ids is None else sorted(set(ids))
        for number, doc_id in enumerate(order, 1):
            self._join(doc_id, self.store.get(doc_id)[1])
            if number % 1000 == 0:
                self.store.commit()
        self.store.commit()
        self._prepared = True

    def _signature(self, item: Item) -> np.ndarray:
        return minhash_signature("\n".join(item["paragraphs"]), self.config.num_perm, self.config.shingle)

    def _join(self, doc_id: str, signature: np.ndarray) -> None:
        """The document's story joined with the story of each verified near-duplicate (earlier runs included)."""
        if not self.store.get(doc_id)[0]:
            self.store.set_cluster(doc_id, doc_id)
        for other in sorted(self.store.candidates(band_keys(signature, self.config.bands)) - {doc_id}):
            found = self.store.get(other)
            if found and estimated_jaccard(signature, found[1]) >= self.config.near_dup_threshold:
                if (joined := join_stories(self.store, doc_id, other)) is not None and joined[0] != doc_id:
                    absorbed, kept = joined  # (the document's own new story absorbed is nothing indexed)
                    self.merged[absorbed] = kept
                    for earlier, into in self.merged.items():
                        if into == absorbed:
                            self.merged[earlier] = kept

    def _assign(self, item: Item) -> str:
        signature = self._signature(item)
        found = self.store.get(item["id"])
        self.store.put(item["id"], found[0] if found else "", signature, band_keys(signature, self.config.bands))
        self._join(item["id"], signature)
        story = story_of(self.store, item["id"])
        self.store.commit()  # another stage's connection to the same file writes next
        return story

    def process(self, item: Item) -> Item:
        # Prepared: only read (the store's other users write between the items).
        item["cluster_id"] = story_of(self.store, item["id"], compress=False) if self._prepared else self._assign(item)
        return item

    def close(self) -> None:
        if self.crawler is not None and self.merged:
            self.crawler.stats.set_value("newsindex/merged_stories", dict(self.merged))
        self.store.close()


class SiteBoilerplateStage(_DedupeStage):
    """What a site's own pages say about a document's lines: in a template region (``pipelines.template``) or
    recurring as text across the site's clusters. Both kinds of counts are recorded first in a batch (every
    page of a site sees the counts of the whole batch); under Scrapy as the items come, and what a crawl's
    later pages teach is applied to its earlier documents by the revision after it (``newsindex.revise``)."""

    name = "site-boilerplate"

    def __init__(self, store_path: str | Path | None, config: DedupeConfig = DedupeConfig(),
                 redis_url: str | None = None):
        from pipelines.template_store import template_store

        self.store = paragraph_store(store_path, redis_url)
        self.templates = template_store(store_path, redis_url, getattr(self.store, "conn", None))
        self.config = config.template()
        self._prepared = False
        self._generations: dict[str, int] = {}

    def prepare(self, batch: Iterable[Item]) -> None:
        """Every document's paragraphs and page blocks counted first, so the first document of a site sees
        the counts of the whole batch (one transaction)."""
        for item in batch:
            self._record(item, commit=False)
        self.store.commit()
        self.templates.commit()
        self._prepared = True

    def _record(self, item: Item, commit: bool = True) -> None:
        cluster = item.get("cluster_id") or item["id"]
        self.store.record(site_group(item), cluster, map(paragraph_signature, item["paragraphs"]), commit)
        if (template := item.get("template")) and item.get("site"):
            self.templates.record(item["site"], item["id"], template["blocks"], template["examples"], commit)

    def _generation(self, site: str) -> int:
        """The site's generation its documents are judged at: fixed once a batch is counted, so read once."""
        if not self._prepared:
            return self.templates.generation(site)
        if site not in self._generations:
            self._generations[site] = self.templates.generation(site)
        return self._generations[site]

    def verdicts(self, site: str, lines: list[Line]) -> Verdicts:
        """The verdict on a document's lines with the site's counts as they are now."""
        regions = self.templates.regions(site, [line.region for line in lines if line.region])
        counts = self.store.counts(site, [line.signature for line in lines])
        return judge(lines, regions, counts, self.config)

    def process(self, item: Item) -> Item:
        if not self._prepared:  # under Scrapy: counted as the items come
            self._record(item)
        # The article as the page gave it, before the site's knowledge: what versions and history follow.
        item["article_hash"] = content_hash(item.get("title"), item["paragraphs"])
        template = item.pop("template", None) or {}
        regions = template.get("regions", {}) if item.get("site") else {}
        boxes = template.get("boxes", {})
        lines = [Line.of(p, regions.get(p), boxes.get(p)) for p in item["paragraphs"]]
        verdicts = self.verdicts(site_group(item), lines)
        if template and item.get("site"):
            origin = {key: item.get(key) for key in ("source", "path", "fetched_url")}
            judged = f"{self._generation(item['site'])}:{verdicts.digest()}"
            self.templates.save_page(item["site"], item["id"], lines, origin, judged, commit=not self._prepared)
        kept = []
        for paragraph, drop, held in zip(item["paragraphs"], verdicts.drops, verdicts.held, strict=True):
            if drop:
                reason, signals = drop
                score = signals.get("repeat_share", 1.0)
                entry = {"text": paragraph, "reason": reason, "signals": signals, "score": score}
                if held:
                    entry["kept_anyway"] = held
                item["removed"].append(entry)
            if held or not drop:
                kept.append(paragraph)
        item["paragraphs"] = kept
        return item

    def close(self) -> None:
        self.templates.close()  # first: it may share the paragraph store's connection
        self.store.close()
