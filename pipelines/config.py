"""Where things live and how to reach Elasticsearch.

Resolution order for every value: environment variable, then the config file
(``NEWSINDEX_CONFIG`` or ``./newsindex.toml``), then the default. With no
``NEWSINDEX_ES_URL`` the CLI talks to the local node it manages itself and reads
that node's generated password from its 0600 file.
"""

from __future__ import annotations

import math
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from pipelines.errors import NewsindexError


class SettingsError(NewsindexError):
    """A setting with a value that cannot work."""

ES_VERSION = "9.2.0"
DEFAULT_PORT = 9200


def _default_home() -> Path:
    """/var/lib/newsindex as root, else ~/.local/share/newsindex."""
    # The node runs as an unprivileged user, which cannot enter /root: keep state outside it.
    if os.geteuid() == 0:
        return Path("/var/lib/newsindex")
    return Path.home() / ".local" / "share" / "newsindex"


def _default_cache() -> Path:
    """/var/cache/newsindex as root, else ~/.cache/newsindex."""
    if os.geteuid() == 0:
        return Path("/var/cache/newsindex")
    return Path.home() / ".cache" / "newsindex"


def _config_file_values() -> dict:
    path = Path(os.environ.get("NEWSINDEX_CONFIG", "newsindex.toml"))
    if not path.is_file():
        return {}
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"config file {path} is not valid TOML ({exc}); fix it or set NEWSINDEX_CONFIG "
                            "to another file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"config file {path} cannot be read ({getattr(exc, 'strerror', None) or exc})") from None
    data = data.get("newsindex", data)
    if not isinstance(data, dict):
        raise SettingsError(f"config file {path}: [newsindex] must be a table of settings, not {data!r}")
    return data


@dataclass
class Settings:
    home: Path
    cache: Path
    es_url: str | None = None
    es_user: str = "elastic"
    es_password: str | None = None
    es_api_key: str | None = None
    es_ca_certs: str | None = None
    es_port: int = DEFAULT_PORT
    es_heap: str = "1g"
    es_nodes: int = 1  # local nodes `newsindex es start` runs as one cluster (ports es_port, es_port + 1, …)
    shards: int = 1
    replicas: int = 0
    alias: str = "articles"
    site_repeat_threshold: int = 3
    near_dup_threshold: float = 0.8
    bulk_size: int = 500
    bulk_bytes: int = 10 * 1024 * 1024
    flush_seconds: float = 2.0  # a crawl's documents wait at most this long for a full bulk request
    max_bytes: int = 20 * 1024 * 1024
    store_path: Path | None = None
    redis_url: str | None = None
    crawl_run: str | None = None
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    trafilatura_fallback: bool = True
    sources: Path = Path("sources.yaml")
    kibana_url: str = "http://127.0.0.1:5601"
    extra: dict = field(default_factory=dict)

    @property
    def node_dir(self) -> Path:
        return self.home / "node"

    @property
    def password_file(self) -> Path:
        """The managed node's generated ``elastic`` password (0600)."""
        return self.node_dir / "elastic-password"

    @property
    def managed(self) -> bool:
        """True when the CLI talks to the local node it provisions itself."""
        return not self.es_url

    @property
    def urls(self) -> list[str]:
        """Every node the client may use: NEWSINDEX_ES_URL may list several (comma-separated), the local
        cluster is its nodes' HTTP ports. The client spreads requests over them and skips a dead one."""
        if self.es_url:
            return [u.strip() for u in self.es_url.split(",") if u.strip()]
        return [f"http://127.0.0.1:{self.es_port + i}" for i in range(self.es_nodes)]

    @property
    def url(self) -> str:
        return self.urls[0]

    @property
    def display_url(self) -> str:
        """The URL(s) as printed: a password in them is never shown."""
        return ",".join(redact_url(u) for u in self.urls)

    @property
    def write_alias(self) -> str:
        return f"{self.alias}-write"

    @property
    def history_alias(self) -> str:
        return f"{self.alias}-history"

    @property
    def dedupe_store(self) -> str | None:
        """Where the cross-document dedupe state lives — decided here only: an explicit store path, else
        Redis when REDIS_URL is set (None), else ``<home>/paragraphs.sqlite``."""
        if self.store_path:
            return str(self.store_path)
        return None if self.redis_url else str(self.home / "paragraphs.sqlite")

    @property
    def quality_store(self) -> Path:
        """Per-site extraction figures of every run (``newsindex quality``)."""
        return self.home / "quality.sqlite"

    @property
    def dead_letter(self) -> Path:
        return self.home / "dead-letter.jsonl"

    def component_settings(self) -> dict:
        """What the stages, middlewares and extensions read: the same keys from ``newsindex ingest`` (via
        ``Stage.from_settings``) and from Scrapy's ``crawler.settings`` (via ``from_crawler``)."""
        return {
            "NEWSINDEX": self,
            "NEWSINDEX_HOME": str(self.home),
            "NEWSINDEX_DEAD_LETTER": str(self.dead_letter),
            "NEWSINDEX_STORE_PATH": self.dedupe_store,
            "NEWSINDEX_QUALITY_PATH": str(self.quality_store),
            "NEWSINDEX_SITE_REPEAT_THRESHOLD": self.site_repeat_threshold,
            "NEWSINDEX_NEAR_DUP_THRESHOLD": self.near_dup_threshold,
            "NEWSINDEX_MAX_BYTES": self.max_bytes,
            "NEWSINDEX_BULK_SIZE": self.bulk_size,
            "NEWSINDEX_BULK_BYTES": self.bulk_bytes,
            "NEWSINDEX_FLUSH_SECONDS": self.flush_seconds,
            "NEWSINDEX_WORKERS": self.workers,
            "NEWSINDEX_TRAFILATURA_FALLBACK": self.trafilatura_fallback,
            "NEWSINDEX_SOURCES": str(self.sources),
            "NEWSINDEX_CRAWL_RUN": self.crawl_run,
            "REDIS_URL": self.redis_url,
        }


# What each setting is for, by the name load_settings reads (variable NEWSINDEX_<NAME>, or <name> in the config
# file). docs/configuration.md is rendered from this and from load_settings itself (defaults and ranges);
# tests/test_docs.py fails when a setting has no line here.
SETTING_HELP: dict[str, str] = {
    "home": "state: the local node, dedupe and quality stores, dead-letter file, raw archive, schedule log",
    "cache": "downloads: the Elasticsearch distribution from Maven Central, the built analysis plugin",
    "es_url": "another cluster (docker-compose's, a hosted one); several nodes comma-separated; unset: the "
              "local node `newsindex es start` manages. A user:password in it is used as credentials, never printed",
    "es_user": "basic-auth user",
    "es_password": "basic-auth password; unset with the local node: the generated one (<home>/node/elastic-password)",
    "es_api_key": "an API key instead of user and password",
    "es_ca_certs": "CA file for an https cluster",
    "es_port": "HTTP port of the local node (its first node)",
    "es_heap": "heap of each local node",
    "es_nodes": "local nodes `newsindex es start` runs as one cluster (ports es_port, es_port + 1, …)",
    "shards": "primary shards of new indices (fixed per index: a change needs `newsindex reindex`)",
    "replicas": "replicas of new indices, also applied to the current one (0 for one node)",
    "alias": "read alias; the write alias is <alias>-write, old versions go to <alias>-history",
    "site_repeat_threshold": "a paragraph in this many near-duplicate clusters of one site is site boilerplate",
    "near_dup_threshold": "Jaccard similarity at which two documents are one near-duplicate cluster",
    "bulk_size": "documents per bulk request",
    "flush_seconds": "under a crawl, the longest a document waits in the writer for a full bulk request",
    "bulk_bytes": "bytes per bulk request (a request the node refuses as too large is split in halves)",
    "max_bytes": "larger inputs and responses (on the wire and decompressed) fail as too large",
    "store_path": "the cross-document dedupe store (SQLite); unset: <home>/paragraphs.sqlite, or Redis with REDIS_URL",
    "redis_url": "scale-out: the shared request queue, dupefilter, leases, dedupe stores and validators",
    "crawl_run": "name of one distributed run: workers with the same value share its queue (default: the UTC hour)",
    "workers": "worker processes for the CPU-bound stages under Scrapy (0: inline)",
    "trafilatura_fallback": "trafilatura's fallback extractors (readability, justext); 0 is about 30 % faster, "
                            "lower recall",
    "sources": "the sites to crawl (sources.yaml)",
    "kibana_url": "Kibana, for `newsindex kibana import`",
}


def _flag(value) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise SettingsError(f"{value!r} is not a yes/no value: use 1 or 0")


def redact_url(url: str) -> str:
    """``https://user:secret@host`` → ``https://user:***@host``; never raises, even on a malformed URL."""
    from pipelines.userinfo import redacted

    return redacted(url)


def check_es_url(value: str | None) -> str | None:
    """One clear line for a malformed NEWSINDEX_ES_URL (one URL, or several comma-separated), instead of a
    traceback later."""
    if not value:
        return None
    for url in value.split(","):
        _check_one_url(url.strip())
    return value


def _check_one_url(url: str) -> None:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise SettingsError(f"NEWSINDEX_ES_URL {redact_url(url)!r} is not a valid URL ({exc}); "
                            "use e.g. https://es.example.org:9200") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SettingsError(f"NEWSINDEX_ES_URL {redact_url(url)!r} is not an http(s) URL with a host; "
                            "use e.g. https://es.example.org:9200")


def load_settings(**overrides) -> Settings:
    """Resolve every setting once (environment, config file, default); lower layers are handed the result."""
    file_values = _config_file_values()

    def pick(name: str, default=None, env: str | None = None):
        value = os.environ.get(env or f"NEWSINDEX_{name.upper()}")
        if value not in (None, ""):
            return value
        return file_values.get(name, default)

    def number(name: str, default, kind=int, low: float | None = None, high: float | None = None):
        """A number within its range: a bulk size of 0 or a port of 99999 is a mistake to say, not to run with."""
        value = pick(name, default)
        try:
            result = kind(value)
        except (TypeError, ValueError):
            raise SettingsError(f"NEWSINDEX_{name.upper()}={value!r} is not a number") from None
        if not math.isfinite(result) or (low is not None and result < low) or (high is not None and result > high):
            bounds = (f"from {low} to {high}" if low is not None and high is not None
                      else f"at least {low}" if low is not None else f"at most {high}")
            raise SettingsError(f"NEWSINDEX_{name.upper()}={value!r} is out of range: it must be {bounds}")
        return result

    settings = Settings(
        home=Path(pick("home", _default_home())),
        cache=Path(pick("cache", _default_cache())),
        es_url=check_es_url(pick("es_url")),
        es_user=pick("es_user", "elastic"),
        es_password=pick("es_password"),
        es_api_key=pick("es_api_key"),
        es_ca_certs=pick("es_ca_certs"),
        es_port=number("es_port", DEFAULT_PORT, low=1, high=65535),
        es_heap=pick("es_heap", "1g"),
        es_nodes=number("es_nodes", 1, low=1, high=9),
        shards=number("shards", 1, low=1, high=1024),
        replicas=number("replicas", 0, low=0, high=8),
        alias=pick("alias", "articles"),
        site_repeat_threshold=number("site_repeat_threshold", 3, low=2),
        near_dup_threshold=number("near_dup_threshold", 0.8, float, low=0.1, high=1.0),
        bulk_size=number("bulk_size", 500, low=1, high=100_000),
        bulk_bytes=number("bulk_bytes", 10 * 1024 * 1024, low=64 * 1024),
        flush_seconds=number("flush_seconds", 2.0, float, low=0.05, high=3600),
        max_bytes=number("max_bytes", 20 * 1024 * 1024, low=1024),
        store_path=Path(p) if (p := pick("store_path")) else None,
        redis_url=pick("redis_url", env="REDIS_URL"),
        crawl_run=pick("crawl_run"),
        workers=number("workers", os.cpu_count() or 1, low=0, high=256),
        trafilatura_fallback=_flag(pick("trafilatura_fallback", True)),
        sources=Path(pick("sources", "sources.yaml")),
        kibana_url=pick("kibana_url", "http://127.0.0.1:5601"),
    )
    if settings.es_url:
        # Credentials in the URL are used as credentials, and the URL kept (and printed) without them.
        plain = []
        for url in settings.urls:
            parts = urlsplit(url)
            if parts.password is not None:
                settings.es_user = pick("es_user") or parts.username or settings.es_user
                settings.es_password = settings.es_password or parts.password
                url = urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))
            plain.append(url)
        settings.es_url = ",".join(plain)
    for key, value in overrides.items():
        setattr(settings, key, value)
    return settings
