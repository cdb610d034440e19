"""The sources file: which sites to crawl, how, and when (``sources.yaml``)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from newsindex.errors import NewsindexError


@dataclass
class Site:
    name: str
    domains: list[str]
    start_urls: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    window_days: float | None = None
    allow: list[str] = field(default_factory=list)
    deny: list[str] = field(default_factory=list)
    depth: int = 2
    schedule: str | None = None
    settings: dict = field(default_factory=dict)


def sources_path() -> Path:
    return Path(os.environ.get("NEWSINDEX_SOURCES", "sources.yaml"))


def load_sites(path: Path | None = None) -> dict[str, Site]:
    path = path or sources_path()
    if not path.is_file():
        raise NewsindexError(f"no sources file at {path}: create one (see sources.yaml in the repository) "
                             "or set NEWSINDEX_SOURCES")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise NewsindexError(f"{path} is not valid YAML: {exc}") from exc
    defaults = data.get("defaults", {})
    sites = {}
    for name, raw in (data.get("sites") or {}).items():
        merged = {**defaults, **raw, "settings": {**defaults.get("settings", {}), **raw.get("settings", {})}}
        urls = merged.get("start_urls", []) + merged.get("feeds", []) + merged.get("sitemaps", [])
        if not urls:
            raise NewsindexError(f"{path}: site {name!r} has no start_urls, feeds or sitemaps")
        domains = merged.get("domains") or sorted({urlsplit(u).hostname for u in urls if urlsplit(u).hostname})
        known = {f for f in Site.__dataclass_fields__ if f not in ("name", "domains")}
        unknown = set(merged) - known - {"domains"}
        if unknown:
            raise NewsindexError(f"{path}: site {name!r} has unknown keys: {', '.join(sorted(unknown))}")
        sites[name] = Site(name=name, domains=domains, **{k: v for k, v in merged.items() if k in known})
    return sites
