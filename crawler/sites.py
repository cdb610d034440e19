"""The sources file: which sites to crawl, how, and when (``sources.yaml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from pipelines.errors import NewsindexError


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
    follow_links: bool = False  # link-crawl from sitemap/feed articles too (start_urls are always followed)
    schedule: str | None = None
    settings: dict = field(default_factory=dict)
    rules: dict = field(default_factory=dict)  # extraction rules of this site: drop (CSS selectors), phrases

    def is_article_url(self, url: str) -> bool:
        """The site's allow/deny rules: the crawl fetches only such URLs as articles, and an archive ingest
        keeps only their records (section pages, robots.txt and sitemaps in the archive are not articles)."""
        if any(re.search(rule, url) for rule in self.deny):
            return False
        return not self.allow or any(re.search(rule, url) for rule in self.allow)

    def owns(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
        return any(host == d or host.endswith("." + d) for d in (d.lower().removeprefix("www.") for d in self.domains))


RULE_KEYS = {"drop", "phrases", "thresholds"}


def extraction_rules(sites: dict[str, Site]) -> dict[str, dict[str, list[str]]]:
    """Per-site extraction rules by domain, for ``ExtractStage`` (the same for crawls and archive ingests)."""
    rules = {}
    for site in sites.values():
        if site.rules:
            for domain in site.domains:
                rules[domain.lower().removeprefix("www.")] = {
                    **{key: list(site.rules.get(key) or []) for key in ("drop", "phrases")},
                    "thresholds": dict(site.rules.get("thresholds") or {})}
    return rules


def site_name_of(sites: dict[str, Site], url: str | None) -> str | None:
    """The name of the declared site that owns ``url``; when several own its host (two sites served on one host),
    the one whose declared URLs have its scheme, host and port. None when none does, or it stays ambiguous."""
    owners = [site for site in sites.values() if url and site.owns(url)]
    if len(owners) > 1:
        owners = [site for site in owners if _origin(url) in map(_origin, site.start_urls + site.feeds + site.sitemaps)]
    return owners[0].name if len(owners) == 1 else None


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme, parts.netloc.lower()


def article_url_filter(sites: dict[str, Site]):
    """For archive records: why a URL is not an article by its site's rules (or robots.txt), else None."""

    def reason(url: str) -> str | None:
        if urlsplit(url).path.endswith("/robots.txt"):
            return "robots.txt"
        for site in sites.values():
            if site.owns(url) and not site.is_article_url(url):
                return f"not an article URL by the allow/deny rules of site {site.name!r}"
        return None

    return reason


def load_sites(path: Path | str) -> dict[str, Site]:
    path = Path(path)
    if not path.is_file():
        raise NewsindexError(f"no sources file at {path}: create one (see sources.yaml in the repository) "
                             "or set NEWSINDEX_SOURCES")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise NewsindexError(f"{path} is not valid YAML: {' '.join(str(exc).split())}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise NewsindexError(f"{path} cannot be read as UTF-8 text: {getattr(exc, 'strerror', None) or exc}") from exc
    from crawler.site_checks import check_site, mapping

    data = mapping(path, "the file", data, "a mapping with `sites:` (and `defaults:`)")
    defaults = mapping(path, "defaults", data.get("defaults"))
    sites = {}
    for name, raw in mapping(path, "sites", data.get("sites"), "a mapping of site names to sites").items():
        raw = mapping(path, f"site {name!r}", raw)
        merged = {**defaults, **raw, "settings": {**mapping(path, "defaults: settings", defaults.get("settings")),
                                                  **mapping(path, f"site {name!r}: settings", raw.get("settings"))}}
        check_site(path, name, merged)
        urls = (merged.get("start_urls") or []) + (merged.get("feeds") or []) + (merged.get("sitemaps") or [])
        if not urls:
            raise NewsindexError(f"{path}: site {name!r} has no start_urls, feeds or sitemaps")
        domains = merged.get("domains") or sorted({urlsplit(u).hostname for u in urls if urlsplit(u).hostname})
        known = {f for f in Site.__dataclass_fields__ if f not in ("name", "domains")}
        unknown = set(merged) - known - {"domains"}
        if unknown:
            raise NewsindexError(f"{path}: site {name!r} has unknown keys: {', '.join(sorted(unknown))}")
        rules = merged.get("rules") or {}
        if not isinstance(rules, dict) or set(rules) - RULE_KEYS:
            raise NewsindexError(f"{path}: site {name!r}: rules take only {', '.join(sorted(RULE_KEYS))} "
                                 "(lists of CSS selectors and of phrases, a mapping of thresholds)")
        _check_selectors(path, name, rules.get("drop") or [])
        sites[name] = Site(name=name, domains=domains,
                           **{k: v for k, v in merged.items() if k in known and v is not None})
    return sites


def _check_selectors(path: Path, name: str, selectors: list[str]) -> None:
    from cssselect import GenericTranslator, SelectorError

    for selector in selectors:
        try:
            GenericTranslator().css_to_xpath(selector)
        except SelectorError as exc:
            raise NewsindexError(f"{path}: site {name!r}: {selector!r} is not a CSS selector ({exc})") from None
