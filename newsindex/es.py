"""Elasticsearch connection and index setup (templates, versioned index, aliases)."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from importlib import resources

from elasticsearch import ApiError, AuthenticationException, Elasticsearch
from elasticsearch import ConnectionError as ESConnectionError

from newsindex import node
from newsindex.errors import NewsindexError
from newsindex.settings import Settings

COMPONENTS = {"newsindex-settings": "component_settings.json", "newsindex-mappings": "component_mappings.json"}


def load_config(name: str) -> dict:
    return json.loads(resources.files("index_config").joinpath(name).read_text(encoding="utf-8"))


def template_name(settings: Settings) -> str:
    return f"newsindex-{settings.alias}"


def schema_version() -> int:
    return int(load_config("index_template.json")["_meta"]["schema_version"])


def connect(settings: Settings, check: bool = True) -> Elasticsearch:
    """A client for the configured cluster; with ``check``, fail early with a line that says what to do."""
    kwargs: dict = {"request_timeout": 60}
    if settings.es_api_key:
        kwargs["api_key"] = settings.es_api_key
    else:
        password = settings.es_password or (node.read_password(settings) if settings.managed else None)
        if password is None:
            raise NewsindexError(
                "no Elasticsearch password: start the local node with `newsindex es start`, or set "
                "NEWSINDEX_ES_URL with NEWSINDEX_ES_PASSWORD or NEWSINDEX_ES_API_KEY")
        kwargs["basic_auth"] = (settings.es_user, password)
    if settings.es_ca_certs:
        kwargs["ca_certs"] = settings.es_ca_certs
    client = Elasticsearch(settings.url, **kwargs)
    if check:
        try:
            client.cluster.health()  # the integ-test node answers no GET /
        except AuthenticationException as exc:
            raise NewsindexError(f"Elasticsearch at {settings.url} rejected the credentials; check "
                                 "NEWSINDEX_ES_USER/NEWSINDEX_ES_PASSWORD or NEWSINDEX_ES_API_KEY") from exc
        except ESConnectionError as exc:
            hint = "start it with `newsindex es start`" if settings.managed else "check NEWSINDEX_ES_URL"
            raise NewsindexError(f"Elasticsearch is not reachable at {settings.url}: {hint}") from exc
    return client


def setup(client: Elasticsearch, settings: Settings) -> str:
    """Install templates and make sure the aliases point at an index. Idempotent; returns the write index."""
    try:
        for name, filename in COMPONENTS.items():
            client.cluster.put_component_template(name=name, **load_config(filename))
        template = load_config("index_template.json")
        template["index_patterns"] = [f"{settings.alias}-v*"]
        client.indices.put_index_template(name=template_name(settings), **template)
    except ApiError as exc:
        raise NewsindexError(f"could not install the index templates: {exc.message}; "
                             f"{_reason(exc)}") from exc
    current = write_index(client, settings)
    if current:
        return current
    name = f"{settings.alias}-v{schema_version()}-{datetime.now(timezone.utc):%Y%m%d%H%M%S}"
    client.indices.create(index=name, aliases={
        settings.alias: {}, settings.write_alias: {"is_write_index": True}})
    return name


def write_index(client: Elasticsearch, settings: Settings) -> str | None:
    if not client.indices.exists_alias(name=settings.write_alias):
        return None
    return next(iter(client.indices.get_alias(name=settings.write_alias)))


def _reason(exc: ApiError) -> str:
    try:
        return exc.body["error"]["root_cause"][0]["reason"]
    except (KeyError, IndexError, TypeError):
        return str(exc)
