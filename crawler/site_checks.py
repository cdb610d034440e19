"""The sources file checked before anything runs: each mistake is one line naming the file, the site and the key
(a list where a mapping goes, a string where a list goes, a window of "soon", an ftp:// URL, a regex that does not
compile, a Scrapy setting of the wrong type), never a traceback from deep inside the crawl."""

from __future__ import annotations

import math
import re
from pathlib import Path
from urllib.parse import urlsplit

from pipelines.errors import NewsindexError

URL_KEYS = ("start_urls", "feeds", "sitemaps")
STRING_LIST_KEYS = ("domains", "allow", "deny")


class SourcesError(NewsindexError):
    """The sources file cannot be used as it is."""


def mapping(path: Path, where: str, value, what: str = "a mapping of keys to values") -> dict:
    """``value`` as a dict (None is empty), or one line saying what it is instead."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise SourcesError(f"{path}: {where} must be {what}, not {_kind(value)}")
    return value


def check_site(path: Path, name, merged: dict) -> None:
    """Every key of one site (defaults merged in) of the type and range it needs."""
    where = f"site {name!r}"
    if not isinstance(name, str):
        raise SourcesError(f"{path}: site names are strings, not {_kind(name)} ({name!r})")
    for key in URL_KEYS + STRING_LIST_KEYS:
        values = merged.get(key)
        if values is None:
            continue
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise SourcesError(f"{path}: {where}: {key} must be a list of strings, not {_kind(values)}")
    for key in URL_KEYS:
        for url in merged.get(key) or []:
            _check_url(path, where, key, url)
    for key in ("allow", "deny"):
        for rule in merged.get(key) or []:
            try:
                re.compile(rule)
            except re.error as exc:
                raise SourcesError(f"{path}: {where}: {key} {rule!r} is not a regular expression ({exc})") from None
    window = merged.get("window_days")
    if window is not None and (isinstance(window, bool) or not isinstance(window, int | float)
                               or not math.isfinite(window) or window <= 0):
        raise SourcesError(f"{path}: {where}: window_days must be a number of days above 0, not {window!r}")
    depth = merged.get("depth", 2)
    if isinstance(depth, bool) or not isinstance(depth, int) or not 0 <= depth <= 20:
        raise SourcesError(f"{path}: {where}: depth must be a whole number from 0 to 20, not {depth!r}")
    if not isinstance(merged.get("follow_links", False), bool):
        raise SourcesError(f"{path}: {where}: follow_links must be true or false, not {merged['follow_links']!r}")
    if merged.get("schedule") is not None and not isinstance(merged["schedule"], str):
        raise SourcesError(f"{path}: {where}: schedule must be a cron line in quotes, not {merged['schedule']!r}")
    for key, values in mapping(path, f"{where}: rules", merged.get("rules")).items():
        if key == "thresholds":  # the cleaning rules' thresholds for this site (pipelines/thresholds.py)
            from pipelines.thresholds import DEFAULT

            try:
                DEFAULT.with_overrides(values, f"{path}: {where}: rules: thresholds")
            except ValueError as exc:
                raise SourcesError(str(exc)) from None
            continue
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise SourcesError(f"{path}: {where}: rules: {key} must be a list of strings, not {_kind(values)}")
    check_scrapy_settings(path, where, mapping(path, f"{where}: settings", merged.get("settings")))


def _check_url(path: Path, where: str, key: str, url: str) -> None:
    from pipelines.userinfo import without_credentials

    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise SourcesError(f"{path}: {where}: {key} {without_credentials(url)!r} is not a URL ({exc})") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SourcesError(f"{path}: {where}: {key} {without_credentials(url)!r} is not an http(s) URL with a host")


def check_scrapy_settings(path: Path, where: str, settings: dict) -> None:
    """A site's Scrapy settings: a number where Scrapy's default is a number, a flag where it is a flag (Scrapy
    would fail on ``DOWNLOAD_DELAY: fast`` only once the crawl starts, with a traceback)."""
    from scrapy.settings import default_settings

    for key, value in settings.items():
        if not isinstance(key, str):
            raise SourcesError(f"{path}: {where}: settings keys are Scrapy setting names, not {key!r}")
        default = getattr(default_settings, key, None)
        if isinstance(default, bool):
            if not isinstance(value, bool) and str(value).lower() not in ("0", "1", "true", "false"):
                raise SourcesError(f"{path}: {where}: setting {key} must be true or false, not {value!r}")
        elif isinstance(default, int | float):
            try:
                number = float(value)
            except (TypeError, ValueError):
                raise SourcesError(f"{path}: {where}: setting {key} must be a number, not {value!r}") from None
            if not math.isfinite(number) or number < 0:
                raise SourcesError(f"{path}: {where}: setting {key} must be a number of 0 or more, not {value!r}")


def _kind(value) -> str:
    names = {list: "a list", dict: "a mapping", str: "a string", bool: "true/false", int: "a number",
             float: "a number"}
    return f"{names.get(type(value), type(value).__name__)} ({str(value)[:60]!r})"
