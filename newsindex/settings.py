"""Where things live and how to reach Elasticsearch.

Resolution order for every value: environment variable, then the config file
(``NEWSINDEX_CONFIG`` or ``./newsindex.toml``), then the default. With no
``NEWSINDEX_ES_URL`` the CLI talks to the local node it manages itself and reads
that node's generated password from its 0600 file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import tomllib

from newsindex.errors import NewsindexError


class SettingsError(NewsindexError):
    """A setting with a value that cannot work."""

ES_VERSION = "9.2.0"
DEFAULT_PORT = 9200


def _default_home() -> Path:
    # The node runs as an unprivileged user, which cannot enter /root: keep state outside it.
    if os.geteuid() == 0:
        return Path("/var/lib/newsindex")
    return Path.home() / ".local" / "share" / "newsindex"


def _default_cache() -> Path:
    if os.geteuid() == 0:
        return Path("/var/cache/newsindex")
    return Path.home() / ".cache" / "newsindex"


def _config_file_values() -> dict:
    path = Path(os.environ.get("NEWSINDEX_CONFIG", "newsindex.toml"))
    if not path.is_file():
        return {}
    with path.open("rb") as fh:
        data = tomllib.load(fh)
    return data.get("newsindex", data)


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
    alias: str = "articles"
    site_repeat_threshold: int = 3
    bulk_size: int = 500
    store_path: Path | None = None
    extra: dict = field(default_factory=dict)

    @property
    def node_dir(self) -> Path:
        return self.home / "node"

    @property
    def managed(self) -> bool:
        """True when the CLI talks to the local node it provisions itself."""
        return not self.es_url

    @property
    def url(self) -> str:
        return self.es_url or f"http://127.0.0.1:{self.es_port}"

    @property
    def display_url(self) -> str:
        """The URL as printed: a password in it is never shown."""
        return redact_url(self.url)

    @property
    def write_alias(self) -> str:
        return f"{self.alias}-write"

    @property
    def paragraph_store(self) -> Path:
        return self.store_path or self.home / "paragraphs.sqlite"

    @property
    def dead_letter(self) -> Path:
        return self.home / "dead-letter.jsonl"


def redact_url(url: str) -> str:
    """``https://user:secret@host`` → ``https://user:***@host``."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))


def check_es_url(url: str | None) -> str | None:
    """One clear line for a malformed NEWSINDEX_ES_URL, instead of a traceback later."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise SettingsError(f"NEWSINDEX_ES_URL {redact_url(url)!r} is not a valid URL ({exc}); "
                            "use e.g. https://es.example.org:9200") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SettingsError(f"NEWSINDEX_ES_URL {redact_url(url)!r} is not an http(s) URL with a host; "
                            "use e.g. https://es.example.org:9200")
    return url


def load_settings(**overrides) -> Settings:
    file_values = _config_file_values()

    def pick(name: str, default=None):
        env = os.environ.get(f"NEWSINDEX_{name.upper()}")
        if env not in (None, ""):
            return env
        return file_values.get(name, default)

    settings = Settings(
        home=Path(pick("home", _default_home())),
        cache=Path(pick("cache", _default_cache())),
        es_url=check_es_url(pick("es_url")),
        es_user=pick("es_user", "elastic"),
        es_password=pick("es_password"),
        es_api_key=pick("es_api_key"),
        es_ca_certs=pick("es_ca_certs"),
        es_port=int(pick("es_port", DEFAULT_PORT)),
        es_heap=pick("es_heap", "1g"),
        alias=pick("alias", "articles"),
        site_repeat_threshold=int(pick("site_repeat_threshold", 3)),
        bulk_size=int(pick("bulk_size", 500)),
        store_path=Path(p) if (p := pick("store_path")) else None,
    )
    for key, value in overrides.items():
        setattr(settings, key, value)
    return settings
