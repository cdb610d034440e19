"""Faceted full-text search over the read alias: query building, result shaping, text rendering."""

from __future__ import annotations

import base64
import html as html_module
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from elasticsearch import ApiError, ConnectionTimeout, Elasticsearch, NotFoundError

from pipelines.errors import NewsindexError

FACETS = {
    "site": {"terms": {"field": "site", "size": 10, "missing": "(unknown)"}},
    "language": {"terms": {"field": "language", "size": 10}},
    "author": {"terms": {"field": "author", "size": 10}},
    "tags": {"terms": {"field": "tags", "size": 10}},
    "published": {"date_histogram": {"field": "published", "calendar_interval": "month",
                                     "format": "yyyy-MM", "min_doc_count": 1}},
}
RETURNED_FIELDS = ["title", "url", "source", "site", "author", "published", "language", "tags",
                   "cluster_id", "word_count", "content_hash", "original"]
# What `--count` can count: documents (the hits' total) or stories (distinct near-duplicate clusters).
COUNTS = ("documents", "stories")
# A story's representative: its original (the page whose own URL is its canonical), else its earliest published.
REPRESENTATIVE_ORDER = [{"original": {"order": "desc", "missing": "_last"}},
                        {"published": {"order": "asc", "missing": "_last"}}]
COPIES_LISTED = 20  # copies of a story listed with its hit (their count is always exact)
# The per-language fields of the text, title and description (pipelines.index.ANALYZED_LANGUAGES).
LANGUAGES = ("en", "ru", "de", "fr", "es", "it", "tr", "uk")


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
    page: int = 1
    facets: list[str] = field(default_factory=lambda: list(FACETS))
    after: str | None = None  # a cursor from a previous deep-pagination page, or "start"
    collapse: bool = True
    sort: str = "relevance"  # relevance | newest | oldest (a match-all query defaults to newest)
    count: str = "documents"  # what the facets count: documents, or stories (distinct clusters)


SORTS = ("relevance", "newest", "oldest")
# Highlight markers: explicit in --json (and HTML-escaped fragments around them); bold or plain on a terminal.
PRE, POST = "<mark>", "</mark>"


PIT_KEEP_ALIVE = "5m"


def encode_cursor(pit_id: str, sort: list) -> str:
    return base64.urlsafe_b64encode(json.dumps({"pit": pit_id, "after": sort}).encode()).decode()


def decode_cursor(cursor: str) -> tuple[str, list]:
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor.encode()))
        return data["pit"], data["after"]
    except (ValueError, KeyError, TypeError) as exc:
        raise NewsindexError("--after takes the `next` cursor of a previous page, or `start`") from exc


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


def _sort_order(req: SearchRequest) -> list:
    match_all = req.query.strip() in ("", "*")
    order = "newest" if req.sort == "relevance" and match_all else req.sort
    if order not in SORTS:
        raise NewsindexError(f"--sort takes one of: {', '.join(SORTS)}")
    if order == "relevance":
        return [{"_score": "desc"}]
    direction = "desc" if order == "newest" else "asc"
    return [{"published": {"order": direction, "missing": "_last"}}, {"_score": "desc"}]


# What a user (or a page that passes its visitors' text on) puts in a query is bounded before it reaches the
# node: 20,000 nested parentheses overflowed its parser's stack and a 100 kB query ran for minutes.
MAX_QUERY_CHARS = 2000
MAX_QUERY_NESTING = 16
MAX_QUERY_TERMS = 100
SEARCH_TIMEOUT_S = 15  # one search; not retried (a query that slow is the query's doing, not the network's)


def check_query(query: str) -> None:
    """One line saying what is too big in a query, before the node sees it."""
    if len(query) > MAX_QUERY_CHARS:
        raise NewsindexError(f"the query has {len(query)} characters; at most {MAX_QUERY_CHARS} are searched")
    depth = deepest = 0
    for char in query:
        depth += (char == "(") - (char == ")")
        deepest = max(deepest, depth)
    if deepest > MAX_QUERY_NESTING:
        raise NewsindexError(f"the query nests parentheses {deepest} deep; at most {MAX_QUERY_NESTING}")
    terms = len(re.findall(r"[^\s()|+\-\"]+", query))
    if terms > MAX_QUERY_TERMS:
        raise NewsindexError(f"the query has {terms} terms; at most {MAX_QUERY_TERMS}")


def expand_sites(values: list[str], sites: dict[str, list[str]]) -> list[str]:
    """``--site`` values: a site declared in the sources file (by its name, any case) stands for its domains."""
    by_name = {name.casefold(): domains for name, domains in sites.items()}
    return list(dict.fromkeys(d for v in values for d in by_name.get(v.casefold(), [v])))


def _keyword_filter(fld: str, value: str) -> list[dict]:
    """One value of a keyword filter, whatever its case and accents (``--tag elevage`` finds "élevage"): matched
    on the field's folded sub-field, or exactly ignoring case (an index made before the sub-field)."""
    return [{"match": {f"{fld}.folded": {"query": value, "operator": "and"}}},
            {"term": {fld: {"value": value, "case_insensitive": True}}}]


def _site_filter(value: str) -> list[dict]:
    """A site's hostname, its subdomains included (``--site news.example`` finds ``m.news.example``)."""
    host = value.strip().lower().removeprefix("www.")
    return [*_keyword_filter("site", host), {"wildcard": {"site": {"value": f"*.{host}", "case_insensitive": True}}}]


def build_query(req: SearchRequest) -> dict:
    check_query(req.query)
    filters: list[dict] = []
    if req.lang:
        filters.append({"bool": {"should": [{"term": {"language": {"value": v, "case_insensitive": True}}}
                                            for v in req.lang], "minimum_should_match": 1}})
    for values, clauses in ((req.site, _site_filter), (req.author, lambda v: _keyword_filter("author", v)),
                            (req.tag, lambda v: _keyword_filter("tags", v))):
        if values:  # values show as stored; the filter folds case and accents
            filters.append({"bool": {"should": [c for v in values for c in clauses(v)], "minimum_should_match": 1}})
    since, until = parse_day(req.since, "--since"), parse_day(req.until, "--until")
    if since or until:
        bounds = {"gte": since} if since else {}
        if until:
            bounds["lte"] = until
        filters.append({"range": {"published": bounds}})
    if req.query.strip() in ("", "*"):
        must: dict = {"match_all": {}}
    else:
        fields = ["title^3", "title_*^3", "author.text^2", "description^2", "description_*^2", "text", "text_*"]
        must = {"simple_query_string": {"query": req.query, "fields": fields, "default_operator": "and",
                                        "lenient": True}}
    if req.count not in COUNTS:
        raise NewsindexError(f"--count takes one of: {', '.join(COUNTS)}")
    unknown = [f for f in req.facets if f not in FACETS]
    if unknown:
        raise NewsindexError(f"unknown facet {unknown[0]!r}: choose from {', '.join(FACETS)}")
    if req.size < 0 or req.page < 1 or (req.after and req.size < 1) or (req.page * req.size > 10_000
                                                                        and not req.after):
        raise NewsindexError("--size must be ≥ 0 (≥ 1 with --after) and --page ≥ 1, reaching at most 10,000 "
                             "hits; page deeper with --after start")
    body = {
        "query": {"bool": {"must": [must], "filter": filters}},
        "highlight": _highlight(req, must),
        "_source": RETURNED_FIELDS,
        "size": req.size,
        "track_total_hits": True,
    }
    order = _sort_order(req)
    body["track_scores"] = True  # scores shown whatever the order
    if req.after:
        # Deep pagination: every matching document in a stable order, copies included.
        body["sort"] = [*order, {"_shard_doc": "asc"}]
    else:
        if order != [{"_score": "desc"}]:
            body["sort"] = order
        body["from"] = (req.page - 1) * req.size
        body["aggs"] = {name: _facet(name, req.count) for name in req.facets}
        if req.collapse or req.count == "stories":
            body["aggs"]["stories"] = {"cardinality": {"field": "cluster_id"}}
        if req.collapse:
            # Every story once; its copies (the representative first) are fetched after it (``attach_copies``).
            body["collapse"] = {"field": "cluster_id"}
    return body


def copies_query(body: dict, stories: list[str]) -> dict:
    """The copies of the page's stories that match the search, the representative first, in one request:
    what ``collapse.inner_hits`` gives, which runs one search per hit (issue #23: half the search's time)."""
    return {"query": {"bool": {"must": body["query"]["bool"]["must"],
                               "filter": [*body["query"]["bool"]["filter"], {"terms": {"cluster_id": stories}}]}},
            "size": 0, "track_total_hits": False,
            "aggs": {"stories": {"terms": {"field": "cluster_id", "size": len(stories)}, "aggs": {
                "copies": {"top_hits": {"size": COPIES_LISTED, "sort": REPRESENTATIVE_ORDER,
                                        "_source": RETURNED_FIELDS}}}}}}


def attach_copies(client: Elasticsearch, index: str, body: dict, resp: dict) -> int:
    """Each collapsed hit's copies, as ``inner_hits.copies`` (their exact count and the first COPIES_LISTED in
    representative order); the milliseconds the node took for them (0 without a collapse or hits)."""
    def story(hit: dict) -> str | None:  # a document indexed without a story id has no copies to list
        return (hit.get("fields", {}).get("cluster_id") or [None])[0]

    hits = resp["hits"]["hits"]
    stories = list(dict.fromkeys(s for h in hits if (s := story(h)) is not None))
    if "collapse" not in body or not stories:
        return 0
    found = client.search(index=index, **copies_query(body, stories))
    by_story = {b["key"]: b for b in found["aggregations"]["stories"]["buckets"]}
    for hit in hits:
        if (bucket := by_story.get(story(hit))) is not None:
            hit["inner_hits"] = {"copies": {"hits": {"total": {"value": bucket["doc_count"]},
                                                     "hits": bucket["copies"]["hits"]["hits"]}}}
    return found["took"]


def _highlight(req: SearchRequest, must: dict) -> dict:
    """The hits' snippets: the text's two best fragments and the whole title, the query's words marked.

    no_match_size: a match-all listing (or a match in the title only) still gets a snippet. Bounded: fragments
    come from the text's stored term vectors, within its first 100,000 characters. matched_fields: a match in a
    language field (stemmed, folded) is highlighted in the text or title.
    Cost (issue #23): the highlighter runs its query against every hit's field, so each field gets its own — the
    user's query on that field's matched fields only, any word enough (the search's whole query, ~30 fields and
    filters, took twice as long to mark the same words; with "all words" a title lacking one would lose its
    marks). With --lang the text's matched fields are those languages' only (the others are empty in those
    documents). The title keeps all eight: without term vectors it is re-analysed by each language's analyzer,
    whatever the document's language, and its marks would change."""
    fields: dict[str, list[str]] = {
        "text": ["text", *(f"text_{lang}" for lang in LANGUAGES
                           if not req.lang or lang in {v.casefold() for v in req.lang})],
        "title": ["title", *(f"title_{lang}" for lang in LANGUAGES)]}
    options = {"text": {"fragment_size": 160, "number_of_fragments": 2, "no_match_size": 160},
               "title": {"number_of_fragments": 0}}
    highlight: dict = {"fields": {}, "pre_tags": [PRE], "post_tags": [POST], "encoder": "html",
                       "max_analyzed_offset": 100_000}
    for name, matched in fields.items():
        highlight["fields"][name] = {**options[name], "matched_fields": matched}
        if "simple_query_string" in must:
            highlight["fields"][name]["highlight_query"] = {"simple_query_string": {
                **must["simple_query_string"], "fields": matched, "default_operator": "or"}}
    return highlight


def _facet(name: str, count: str) -> dict:
    """A facet's aggregation; counting stories, each bucket counts the distinct clusters in it."""
    facet = json.loads(json.dumps(FACETS[name]))
    if count == "stories":
        facet["aggs"] = {"stories": {"cardinality": {"field": "cluster_id"}}}
        if "terms" in facet:
            facet["terms"]["order"] = {"stories": "desc"}
    return facet


def search(client: Elasticsearch, alias: str, req: SearchRequest) -> dict:
    body = build_query(req)
    client = client.options(request_timeout=SEARCH_TIMEOUT_S, max_retries=0)
    try:
        if req.after:
            pit_id, after = (client.open_point_in_time(index=alias, keep_alive=PIT_KEEP_ALIVE)["id"], None) \
                if req.after == "start" else decode_cursor(req.after)
            body["pit"] = {"id": pit_id, "keep_alive": PIT_KEEP_ALIVE}
            if after:
                body["search_after"] = after
            resp = client.search(**body)
        else:
            # A facets-only call (--size 0, as a dashboard makes) is answered from the shard request cache
            # until the next refresh changes the index.
            resp = client.search(index=alias, request_cache=True if req.size == 0 else None, **body)
            attach_copies(client, alias, body, resp)
    except NotFoundError as exc:
        if req.after:
            raise NewsindexError("the cursor has expired (5 minutes): start again with --after start") from exc
        raise NewsindexError(f"index alias {alias!r} does not exist: run `newsindex ingest` first") from exc
    except ApiError as exc:
        raise NewsindexError(f"search failed: {exc.message}") from exc
    except ConnectionTimeout as exc:
        raise NewsindexError(f"the search took longer than {SEARCH_TIMEOUT_S} s and was stopped: narrow the query "
                             "(fewer terms, a filter such as --since or --site)") from exc
    hits = [_hit(h) for h in resp["hits"]["hits"]]
    aggs = resp.get("aggregations", {})
    result = {"query": req.query, "total": resp["hits"]["total"]["value"], "hits": hits,
              "highlight_tags": {"pre": PRE, "post": POST, "encoding": "html"},
              "counting": req.count,
              "facets": {name: [{"value": b.get("key_as_string", b["key"]),
                                 "count": b["stories"]["value"] if req.count == "stories" else b["doc_count"]}
                                for b in agg["buckets"]] for name, agg in aggs.items() if "buckets" in agg}}
    if "stories" in aggs:
        result["stories"] = aggs["stories"]["value"]
    if req.after:
        full_page = len(hits) == req.size
        result["next"] = encode_cursor(resp["pit_id"], resp["hits"]["hits"][-1]["sort"]) if full_page else None
        if not full_page:
            client.close_point_in_time(id=resp["pit_id"])
    return result


def _hit(raw: dict) -> dict:
    """A hit; collapsed, it shows its story's representative (the original, else the earliest published:
    the best-scoring copy may be another) and lists the other copies with their sites."""
    hit = {"id": raw["_id"], "score": raw["_score"], **raw["_source"], "highlight": raw.get("highlight", {})}
    copies = raw.get("inner_hits", {}).get("copies")
    if copies is None:
        return hit
    members = copies["hits"]["hits"]
    hit["copies"] = copies["hits"]["total"]["value"]
    if members and members[0]["_id"] != raw["_id"]:
        first = members[0]["_source"]
        hit = {**hit, "id": members[0]["_id"], **{k: first.get(k) for k in first}}
        hit["matched"] = raw["_id"]  # the copy the query matched best; its highlight is the one shown
    hit["copy_list"] = [{"id": m["_id"], "url": m["_source"].get("url") or m["_source"].get("source"),
                         "site": m["_source"].get("site")} for m in members if m["_id"] != hit["id"]]
    return hit


def _count(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def marked(fragment: str, bold: bool) -> str:
    """A highlighted fragment for a reader: the match in bold (ANSI) on a terminal, plain when piped."""
    fragment = re.sub(r"\s+", " ", fragment).strip()
    on, off = ("\033[1m", "\033[0m") if bold else ("", "")
    return html_module.unescape(fragment.replace(PRE, on).replace(POST, off))


def render_text(result: dict, bold: bool = False) -> str:
    stories = (f" ({_count(result['stories'], 'distinct story', 'distinct stories')})"
               if result.get("stories") not in (None, result["total"]) else "")
    lines = [f"{_count(result['total'], 'article matches', 'articles match')} {result['query']!r}{stories}", ""]
    for rank, hit in enumerate(result["hits"], 1):
        plain_title = html_module.escape(hit.get("title") or "(untitled)")
        title = marked((hit.get("highlight", {}).get("title") or [plain_title])[0], bold)
        meta = " · ".join(str(x) for x in (hit.get("site"), hit.get("language"), _day(hit.get("published")),
                                           ", ".join(hit.get("author") or [])) if x)
        sites = sorted({c["site"] for c in hit.get("copy_list", []) if c.get("site")})
        copies = (f"  (+{_count(hit['copies'] - 1, 'near-duplicate copy', 'near-duplicate copies')}"
                  + (f" on {', '.join(sites)}" if sites else "") + ")" if hit.get("copies", 1) > 1 else "")
        score = f"  [{hit['score']:.2f}]" if hit.get("score") is not None else ""
        lines.append(f"{rank:>2}. {title}{score}{copies}")
        lines.append(f"    {meta or '-'}")
        lines.append(f"    {hit.get('url') or hit.get('source')}")
        for fragment in hit.get("highlight", {}).get("text", [])[:2]:
            lines.append("    … " + marked(fragment, bold) + " …")
        lines.append("")
    if result.get("next"):
        lines.append(f"next page: --after {result['next']}")
    if not result["facets"]:
        return "\n".join(lines)
    lines.append("Facets (stories)" if result.get("counting") == "stories" else "Facets")
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
