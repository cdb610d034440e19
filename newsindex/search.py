"""Faceted full-text search over the read alias: query building, result shaping, text rendering."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from elasticsearch import ApiError, Elasticsearch

from newsindex.errors import NewsindexError

FACETS = {
    "site": {"terms": {"field": "site", "size": 10, "missing": "(unknown)"}},
    "language": {"terms": {"field": "language", "size": 10}},
    "author": {"terms": {"field": "author", "size": 10}},
    "tags": {"terms": {"field": "tags", "size": 10}},
    "published": {"date_histogram": {"field": "published", "calendar_interval": "month",
                                     "format": "yyyy-MM", "min_doc_count": 1}},
}
RETURNED_FIELDS = ["title", "url", "source", "site", "author", "published", "language", "tags",
                   "cluster_id", "word_count", "content_hash"]


@dataclass
class SearchRequest:
    query: str
    lang: list[str] = field(default_factory=list)
    site: list[str] = field(default_factory=list)
    author: list[str] = field(default_factory=list)
    tag: list[str] = field(default_factory=list)
    since: str | None = None
    until: str | None = None
    size: int = 10


def parse_day(value: str | None, flag: str) -> str | None:
    """Validate a --since/--until value (YYYY-MM-DD, YYYY-MM or YYYY)."""
    if value is None:
        return None
    for fmt in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    raise NewsindexError(f"{flag} {value!r} is not a date: use YYYY-MM-DD, YYYY-MM or YYYY")


def build_query(req: SearchRequest) -> dict:
    filters: list[dict] = []
    for fld, values in (("language", req.lang), ("site", req.site), ("author", req.author), ("tags", req.tag)):
        if values:
            filters.append({"terms": {fld: values}})
    since, until = parse_day(req.since, "--since"), parse_day(req.until, "--until")
    if since or until:
        bounds = {"gte": since} if since else {}
        if until:
            bounds["lte"] = until
        filters.append({"range": {"published": bounds}})
    if req.query.strip() in ("", "*"):
        must: dict = {"match_all": {}}
    else:
        must = {"simple_query_string": {"query": req.query, "fields": ["title^3", "description^2", "text"],
                                        "default_operator": "and", "lenient": True}}
    return {
        "query": {"bool": {"must": [must], "filter": filters}},
        "aggs": FACETS,
        "highlight": {"fields": {"text": {"fragment_size": 160, "number_of_fragments": 2},
                                 "title": {"number_of_fragments": 0}},
                      "pre_tags": ["«"], "post_tags": ["»"]},
        "_source": RETURNED_FIELDS,
        "size": req.size,
        "track_total_hits": True,
    }


def search(client: Elasticsearch, alias: str, req: SearchRequest) -> dict:
    try:
        resp = client.search(index=alias, **build_query(req))
    except ApiError as exc:
        if exc.status_code == 404:
            raise NewsindexError(f"index alias {alias!r} does not exist: run `newsindex ingest` first") from exc
        raise NewsindexError(f"search failed: {exc.message}") from exc
    hits = [{"id": h["_id"], "score": h["_score"], **h["_source"], "highlight": h.get("highlight", {})}
            for h in resp["hits"]["hits"]]
    facets = {name: [{"value": b.get("key_as_string", b["key"]), "count": b["doc_count"]}
                     for b in agg["buckets"]] for name, agg in resp["aggregations"].items()}
    return {"query": req.query, "total": resp["hits"]["total"]["value"], "hits": hits, "facets": facets}


def render_text(result: dict) -> str:
    lines = [f"{result['total']} articles match {result['query']!r}", ""]
    for rank, hit in enumerate(result["hits"], 1):
        title = (hit.get("highlight", {}).get("title") or [hit.get("title") or "(untitled)"])[0]
        meta = " · ".join(str(x) for x in (hit.get("site"), hit.get("language"), _day(hit.get("published")),
                                           ", ".join(hit.get("author") or [])) if x)
        lines.append(f"{rank:>2}. {title}  [{hit['score']:.2f}]")
        lines.append(f"    {meta or '-'}")
        lines.append(f"    {hit.get('url') or hit.get('source')}")
        for fragment in hit.get("highlight", {}).get("text", [])[:2]:
            lines.append("    … " + re.sub(r"\s+", " ", fragment).strip() + " …")
        lines.append("")
    lines.append("Facets")
    for name, buckets in result["facets"].items():
        shown = ", ".join(f"{b['value']} ({b['count']})" for b in buckets) or "-"
        lines.append(f"  {name:<10} {shown}")
    return "\n".join(lines)


def _day(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return value
