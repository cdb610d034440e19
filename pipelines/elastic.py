"""Elasticsearch connection and index setup (templates, versioned index, aliases)."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from importlib import resources

from elasticsearch import ApiError, AuthenticationException, Elasticsearch
from elasticsearch import ConnectionError as ESConnectionError

from pipelines.config import Settings
from pipelines.errors import NewsindexError

COMPONENTS = {"newsindex-settings": "component_settings.json", "newsindex-mappings": "component_mappings.json"}


def load_config(name: str) -> dict:
    return json.loads(resources.files("index_config").joinpath(name).read_text(encoding="utf-8"))


def template_name(settings: Settings) -> str:
    return f"newsindex-{settings.alias}"


def schema_version() -> int:
    return int(load_config("index_template.json")["_meta"]["schema_version"])


def read_password(settings: Settings) -> str | None:
    """The managed node's generated password, once ``newsindex es start`` has made it."""
    path = settings.password_file
    return path.read_text().strip() if path.exists() else None


def connect(settings: Settings, check: bool = True) -> Elasticsearch:
    """A client for the configured cluster; with ``check``, fail early with a line that says what to do."""
    kwargs: dict = {"request_timeout": 60}
    if settings.es_api_key:
        kwargs["api_key"] = settings.es_api_key
    else:
        password = settings.es_password or (read_password(settings) if settings.managed else None)
        if password is None:
            raise NewsindexError(
                "no Elasticsearch password: start the local node with `newsindex es start`, or set "
                "NEWSINDEX_ES_URL with NEWSINDEX_ES_PASSWORD or NEWSINDEX_ES_API_KEY")
        kwargs["basic_auth"] = (settings.es_user, password)
    if settings.es_ca_certs:
        kwargs["ca_certs"] = settings.es_ca_certs
    # Several nodes: a request that finds its node gone is retried on another (the dead one is left out for
    # a while); a timeout is retried too, since every write we make is idempotent (explicit ids).
    client = Elasticsearch(settings.urls, retry_on_timeout=True, max_retries=5, **kwargs)
    if check:
        try:
            client.cluster.health()  # the integ-test node answers no GET /
        except AuthenticationException as exc:
            raise NewsindexError(f"Elasticsearch at {settings.display_url} rejected the credentials; check "
                                 "NEWSINDEX_ES_USER/NEWSINDEX_ES_PASSWORD or NEWSINDEX_ES_API_KEY") from exc
        except ESConnectionError as exc:
            hint = "start it with `newsindex es start`" if settings.managed else "check NEWSINDEX_ES_URL"
            raise NewsindexError(f"Elasticsearch is not reachable at {settings.display_url}: {hint}") from exc
    return client


def has_analyzer(client: Elasticsearch, name: str) -> bool:
    """Whether the node knows an analyzer by this name (the full distribution's built-in language
    analyzers, or the local node's newsindex-analysis plugin)."""
    try:
        client.indices.analyze(analyzer=name, text="running")
        return True
    except ApiError:
        return False


def mappings_for(client: Elasticsearch, component: dict | None = None) -> dict:
    """The mappings component, with each analyzer the node lacks replaced by `standard`."""
    component = component or load_config(COMPONENTS["newsindex-mappings"])
    fields = component["template"]["mappings"]["properties"].values()
    wanted = {field["analyzer"] for field in fields if field.get("analyzer") not in (None, "standard")}
    missing = {name for name in wanted if not has_analyzer(client, name)}
    for field in fields:
        if field.get("analyzer") in missing:
            field["analyzer"] = "standard"
    return component


def analysis_behind(client: Elasticsearch, index: str) -> str | None:
    """A hint when the index's text fields were made with `standard` but the node now has their language
    analyzers (the local node got the analysis plugin): only a re-index applies them."""
    wanted = mappings_for(client)["template"]["mappings"]["properties"]
    have = client.indices.get_mapping(index=index)[index]["mappings"].get("properties", {})
    behind = sorted(name for name, field in wanted.items() if name in have
                    and field.get("analyzer", "standard") != have[name].get("analyzer", "standard"))
    if not behind:
        return None
    return (f"{index} analyses {', '.join(behind)} without the node's language analyzers (no stemming or "
            "folding): run `newsindex reindex --from index` to rebuild it with them")


def install_templates(client: Elasticsearch, settings: Settings) -> dict:
    """The component templates and the index template for ``<alias>-v*``; returns the mappings component."""
    mappings = mappings_for(client)
    try:
        settings_component = load_config(COMPONENTS["newsindex-settings"])
        index_settings = settings_component["template"]["settings"]["index"]
        index_settings.update(number_of_shards=settings.shards, number_of_replicas=settings.replicas)
        client.cluster.put_component_template(name="newsindex-settings", **settings_component)
        client.cluster.put_component_template(name="newsindex-mappings", **mappings)
        template = load_config("index_template.json")
        template["index_patterns"] = [f"{settings.alias}-v*"]
        client.indices.put_index_template(name=template_name(settings), **template)
    except ApiError as exc:
        raise NewsindexError(f"could not install the index templates: {_reason(exc)}") from exc
    return mappings


def setup(client: Elasticsearch, settings: Settings, upgrade_in_place: bool = True) -> str:
    """Install templates and make sure the aliases point at an index of the current schema.

    Idempotent. An index of an older schema is upgraded in place when the change is additive;
    a conflicting change says to run `newsindex reindex`. A re-index passes ``upgrade_in_place=False``:
    it builds a new index from the templates instead. Returns the write index.
    """
    mappings = install_templates(client, settings)
    history = settings.history_alias
    if not client.indices.exists(index=history):
        # Several crawler processes may set up at once: "already exists" means another one won.
        client.options(ignore_status=400).indices.create(
            index=history, mappings=mappings["template"]["mappings"],
            settings={"number_of_shards": 1, "number_of_replicas": settings.replicas})
    current = write_index(client, settings)
    if current:
        if upgrade_in_place:
            _upgrade_in_place(client, current, mappings["template"]["mappings"])
        _apply_replicas(client, [current, history], settings.replicas)
        return current
    try:
        return create_index(client, settings, aliases=True)
    except ApiError:
        if current := write_index(client, settings):  # another process created it meanwhile
            return current
        raise


def _apply_replicas(client: Elasticsearch, indices: list[str], replicas: int) -> None:
    """NEWSINDEX_REPLICAS applies to existing indices too (a dynamic setting); shards need a re-index."""
    current = client.indices.get_settings(index=indices, name="index.number_of_replicas")
    for index, body in current.items():
        if int(body["settings"]["index"]["number_of_replicas"]) != replicas:
            client.indices.put_settings(index=index, settings={"index": {"number_of_replicas": replicas}})


def cluster_report(client: Elasticsearch) -> list[str]:
    """What `newsindex es status` prints for any cluster: health, the nodes, and unassigned shards."""
    health = client.cluster.health()
    nodes = client.cat.nodes(format="json", h="name,ip,http_address,node.role,master,heap.percent")
    lines = [f"cluster {health['cluster_name']}: {health['status']}, {health['number_of_nodes']} node(s), "
             f"{health['active_primary_shards']} primary and {health['active_shards']} active shards, "
             f"{health['unassigned_shards']} unassigned"]
    for node in sorted(nodes, key=lambda n: n["name"]):
        master = " (elected master)" if node.get("master") == "*" else ""
        lines.append(f"  node {node['name']} at {node.get('http_address') or node['ip']}: roles "
                     f"{node['node.role']}, heap {node['heap.percent']}%{master}")
    if health["unassigned_shards"]:
        shards = client.cat.shards(format="json", h="index,shard,prirep,state,unassigned.reason")
        for shard in shards:
            if shard["state"] == "UNASSIGNED":
                kind = "primary" if shard["prirep"] == "p" else "replica"
                lines.append(f"  unassigned {kind} {shard['index']}[{shard['shard']}]: "
                             f"{shard.get('unassigned.reason') or 'no reason given'}")
    return lines


def create_index(client: Elasticsearch, settings: Settings, aliases: bool) -> str:
    """A new versioned index from the template, with the read and write aliases if asked."""
    name = f"{settings.alias}-v{schema_version()}-{datetime.now(timezone.utc):%Y%m%d%H%M%S%f}"
    extra = {"aliases": {settings.alias: {}, settings.write_alias: {"is_write_index": True}}} if aliases else {}
    client.indices.create(index=name, **extra)
    return name


def index_schema_version(client: Elasticsearch, index: str) -> int:
    meta = client.indices.get_mapping(index=index)[index]["mappings"].get("_meta", {})
    return int(meta.get("schema_version", 1))


def _upgrade_in_place(client: Elasticsearch, index: str, mappings: dict) -> None:
    if index_schema_version(client, index) >= schema_version():
        return
    # A field's analyzer cannot change in place: an index made before the node had the language analyzers
    # keeps its own (``analysis_behind`` says to re-index), the rest of the upgrade still applies.
    have = client.indices.get_mapping(index=index)[index]["mappings"].get("properties", {})
    properties = {name: {**field, "analyzer": have[name].get("analyzer", "standard")}
                  if "analyzer" in field and name in have else field
                  for name, field in mappings["properties"].items()}
    try:
        client.indices.put_mapping(index=index, properties=properties, meta=mappings["_meta"])
    except ApiError as exc:
        raise NewsindexError(
            f"the mapping of {index} cannot be upgraded in place ({_reason(exc)}); build a new index with "
            "`newsindex reindex --from index` (the aliases move only when it succeeds)") from exc


def write_index(client: Elasticsearch, settings: Settings) -> str | None:
    if not client.indices.exists_alias(name=settings.write_alias):
        return None
    return next(iter(client.indices.get_alias(name=settings.write_alias)))


def _reason(exc: ApiError) -> str:
    try:
        return exc.body["error"]["root_cause"][0]["reason"]
    except (KeyError, IndexError, TypeError):
        return str(exc)
