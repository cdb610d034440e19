"""Bulk requests through the client's ``helpers.streaming_bulk``, and the little it does not do.

The helper chunks by count and bytes (``max_chunk_bytes``) and retries what the node answers with a
retryable status (429 busy write queues, 5xx: a primary moving, no master for a moment), for a whole
request or a single document, with exponential backoff (1, 2, 4, 8, 16 s: ~31 s in all). This wrapper adds:

- a request the node refuses as too large (413) is split in halves and sent again, until the document
  that is too large stands alone and fails on its own, with its size and the node's reason;
- a document over ``LONE_BYTES`` is sent alone and once first: a node that cannot take it at all (its
  indexing-pressure limit, ``max_primary_bytes``) says so at once instead of after the retries;
- every failure becomes one line saying what happened (a node still busy after the retries is not "a
  document refused on its own");
- a node that answers every request with a 5xx through the retries ends the run with one line
  (``NodeUnavailable``): the documents are neither written nor failed, a rerun writes them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

from elasticsearch import ApiError, Elasticsearch
from elasticsearch.helpers import streaming_bulk

from pipelines.errors import NewsindexError

RETRY_STATUSES = (429, 500, 502, 503, 504)
RETRIES = 5
INITIAL_BACKOFF = 1.0
MAX_BACKOFF = 30.0
RETRY_SECONDS = sum(min(MAX_BACKOFF, INITIAL_BACKOFF * 2 ** attempt) for attempt in range(RETRIES))
LONE_BYTES = 1024 * 1024

OnResult = Callable[[dict, "str | None"], None]


class NodeUnavailable(NewsindexError):
    """Every try of a bulk request answered with a 5xx status: the cluster cannot take writes now."""


def encoded_size(action: dict) -> int:
    return len(json.dumps(action["_source"], ensure_ascii=False).encode("utf-8", "replace"))


def error_reason(error) -> str:
    if isinstance(error, dict):
        reason = error.get("reason") or error.get("type") or str(error)
        cause = (error.get("caused_by") or {}).get("reason")
        return f"{reason} ({cause})" if cause and cause not in reason else reason
    return str(error)


def _request_reason(exc: ApiError) -> str:
    body = exc.body.get("error", exc.body) if isinstance(exc.body, dict) else exc.body
    return error_reason(body) if body else exc.message


def _results(client: Elasticsearch, actions: list[dict], chunk_size: int, chunk_bytes: int,
             retries: int) -> Iterator[tuple[dict, dict | None]]:
    """(action, None) for a written one, (action, the helper's failure info) for one that failed."""
    by_id = {action["_id"]: action for action in actions}
    for ok, result in streaming_bulk(client, actions, chunk_size=chunk_size, max_chunk_bytes=chunk_bytes,
                                     raise_on_error=False, raise_on_exception=False, max_retries=retries,
                                     initial_backoff=INITIAL_BACKOFF, max_backoff=MAX_BACKOFF,
                                     retry_on_status=RETRY_STATUSES, wait_for_active_shards="1", timeout="60s"):
        info = next(iter(result.values()))
        yield by_id[info["_id"]], None if ok else info


def _beyond_the_node(info: dict) -> bool:
    """Refused by the node's indexing-pressure limit: no retry helps a document over it (only a larger heap)."""
    return "max_primary_bytes" in error_reason(info.get("error"))


def _reason(action: dict, info: dict, retries: int) -> str:
    """One line for a document the node did not take."""
    exc, status = info.get("exception"), info.get("status")
    reason = _request_reason(exc) if isinstance(exc, ApiError) else error_reason(info.get("error"))
    if _beyond_the_node(info):
        return f"the node cannot take a {encoded_size(action) / 1e6:.1f} MB document (HTTP {status}: {reason})"
    if status in RETRY_STATUSES and retries:
        return (f"the node was still busy after {retries} retries over {RETRY_SECONDS:.0f} s "
                f"(HTTP {status}: {reason})")
    return f"HTTP {status}: {reason}" if exc is not None else reason


def send(client: Elasticsearch, actions: list[dict], on_result: OnResult, chunk_size: int, chunk_bytes: int,
         retries: int = RETRIES) -> None:
    """Write the actions; ``on_result(action, None)`` for each written, ``(action, reason)`` for each the node
    refused. Raises ``NodeUnavailable`` when the node answers every request with a 5xx through the retries,
    and the client's ConnectionError when no node can be reached."""
    large, others = [], []
    for action in actions:
        (large if encoded_size(action) > LONE_BYTES else others).append(action)
    _send(client, others, on_result, chunk_size, chunk_bytes, retries)
    for action in large:  # alone and once, then (if only busy) with the retries
        busy, refused = [], {}
        for done, info in _results(client, [action], 1, chunk_bytes, 0):
            if info is not None and info.get("status") in RETRY_STATUSES and not _beyond_the_node(info):
                busy.append(done)
            else:
                _settle(done, info, on_result, refused, 0)
        _resend_refused(client, refused, on_result, chunk_bytes, retries)
        _send(client, busy, on_result, 1, chunk_bytes, retries)


def _send(client: Elasticsearch, actions: list[dict], on_result: OnResult, chunk_size: int, chunk_bytes: int,
          retries: int) -> None:
    if not actions:
        return
    refused: dict[int, list[tuple[dict, dict]]] = {}  # per request refused as too large (the same ApiError)
    for action, info in _results(client, actions, chunk_size, chunk_bytes, retries):
        _settle(action, info, on_result, refused, retries)
    _resend_refused(client, refused, on_result, chunk_bytes, retries)


def _resend_refused(client: Elasticsearch, refused: dict[int, list[tuple[dict, dict]]], on_result: OnResult,
                    chunk_bytes: int, retries: int) -> None:
    """Each request refused as too large, again in halves; a document refused alone fails with its size."""
    for group in refused.values():
        if len(group) > 1:
            half = len(group) // 2
            _send(client, [action for action, _ in group[:half]], on_result, half, chunk_bytes, retries)
            _send(client, [action for action, _ in group[half:]], on_result, len(group) - half, chunk_bytes,
                  retries)
        else:
            action, info = group[0]
            on_result(action, f"the node refused a {encoded_size(action) / 1e6:.1f} MB document on its own "
                              f"(HTTP {info['status']}: {_request_reason(info['exception'])})")


def _settle(action: dict, info: dict | None, on_result: OnResult, refused: dict[int, list[tuple[dict, dict]]],
            retries: int) -> None:
    if info is None:
        on_result(action, None)
        return
    exc = info.get("exception")
    if isinstance(exc, ApiError) and exc.meta.status == 413:
        refused.setdefault(id(exc), []).append((action, info))
    elif isinstance(exc, ApiError) and exc.meta.status >= 500:
        raise NodeUnavailable(f"Elasticsearch answered every bulk request with HTTP {exc.meta.status} for "
                              f"{RETRY_SECONDS:.0f} s ({_request_reason(exc)}); nothing was lost: check "
                              "`newsindex es status` and run the same command again") from exc
    else:
        on_result(action, _reason(action, info, retries))
