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


def _analyzed(field: dict) -> list[dict]:
    """A field and its sub-fields that name an analyzer."""
    return [f for f in (field, *field.get("fields", {}).values()) if f.get("analyzer") not in (None, "standard")]


def _has_custom_analyzer(client: Elasticsearch, definition: dict) -> bool:
    """Whether the node has every part of an index-level custom analyzer (on the local node, the plugin's
    `keyword` tokenizer and `lowercase` and `asciifolding` filters; built into the full distribution)."""
    try:
        client.indices.analyze(tokenizer=definition["tokenizer"], filter=definition.get("filter", []), text="Été")
        return True
    except ApiError:
        return False


def mappings_for(client: Elasticsearch, component: dict | None = None) -> dict:
    """The mappings component, with each analyzer the node lacks replaced by `standard`. Its index-level
    analyzers (``template.settings.analysis``, in the component itself: a component template is validated
    alone) are checked part by part, and left out when no field uses them."""
    component = component or load_config(COMPONENTS["newsindex-mappings"])
    custom = component["template"].get("settings", {}).get("analysis", {}).get("analyzer", {})
    fields = [f for field in component["template"]["mappings"]["properties"].values() for f in _analyzed(field)]
    wanted = {field["analyzer"] for field in fields}
    missing = {name for name in wanted if not (_has_custom_analyzer(client, custom[name]) if name in custom
                                                else has_analyzer(client, name))}
    for field in fields:
        if field.get("analyzer") in missing:
            field["analyzer"] = "standard"
    used = {field["analyzer"] for field in fields}
    for name in [n for n in custom if n not in used]:
        del custom[name]
    if "settings" in component["template"] and not custom:
        del component["template"]["settings"]
    return component


def index_analysis(mappings: dict) -> dict:
    """The index-level analysis settings a mappings component (from ``mappings_for``) needs."""
    return mappings["template"].get("settings", {}).get("analysis", {})


# What a field's analysis is made of: none of it can change in place (only a re-index applies it).
ANALYSIS_KEYS = ("analyzer", "term_vector")


def _analysis(field: dict) -> tuple:
    return (field.get("analyzer", "standard"), field.get("term_vector", "no"))


def analysis_behind(client: Elasticsearch, index: str) -> str | None:
    """A hint when the index's text fields were made with `standard` but the node now has their language
    analyzers (the local node got the analysis plugin), or an older schema analysed them otherwise (no term
    vectors for highlights): only a re-index applies them."""
    wanted = mappings_for(client)["template"]["mappings"]["properties"]
    have = client.indices.get_mapping(index=index)[index]["mappings"].get("properties", {})
    behind = sorted(name for name, field in wanted.items() if name in have and "analyzer" in field
                    and _analysis(field) != _analysis(have[name]))
    behind += sorted(f"{name}.{sub}" for name, field in wanted.items() if name in have
                     for sub in field.get("fields", {}) if sub not in have[name].get("fields", {}))
    if not behind:
        return None
    return (f"{index} analyses {', '.join(behind)} without the node's language analyzers or their highlights "
            "(no stemming or folding): run `newsindex reindex --from index` to rebuild it with them")


def custom_analyzers() -> dict:
    """The index-level analyzers of the mappings component, by name."""
    return load_config(COMPONENTS["newsindex-mappings"])["template"].get("settings", {}).get("analysis", {}).get(
        "analyzer", {})


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
        analysis = index_analysis(mappings)
        client.options(ignore_status=400).indices.create(
            index=history, mappings=mappings["template"]["mappings"],
            settings={"number_of_shards": 1, "number_of_replicas": settings.replicas,
                      **({"analysis": analysis} if analysis else {})})
    else:  # the history index takes the current documents' fields too (a re-index keeps it)
        _upgrade_in_place(client, history, mappings["template"]["mappings"])
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
    # A field's analysis cannot change in place: an index made before the node had the language analyzers (or
    # by an older schema) keeps its own (``analysis_behind`` says to re-index); the rest of the upgrade applies.
    # Sub-fields are additive; a sub-field naming an analyzer the index lacks is left for the re-index.
    have = client.indices.get_mapping(index=index)[index]["mappings"].get("properties", {})
    index_analyzers = set(client.indices.get_settings(index=index, name="index.analysis.analyzer.*").body
                          .get(index, {}).get("settings", {}).get("index", {}).get("analysis", {}).get("analyzer", {}))
    lacking = set(custom_analyzers()) - index_analyzers  # analysis settings cannot be added to an open index
    properties = {}
    for name, field in mappings["properties"].items():
        field = dict(field)
        if name in have:
            for key in ANALYSIS_KEYS:
                if key in field or key in have[name]:
                    field[key] = have[name].get(key, "standard" if key == "analyzer" else "no")
        if "fields" in field:
            field["fields"] = {sub: spec for sub, spec in field["fields"].items()
                               if spec.get("analyzer") not in lacking}
        properties[name] = field
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
