"""Import the saved objects of index_config/kibana into Kibana (saved objects import API)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from base64 import b64encode
from importlib import resources

from pipelines.config import Settings
from pipelines.elastic import read_password
from pipelines.errors import NewsindexError


def _check_url(url: str) -> None:
    """One line for a Kibana URL that is not one (urllib would raise from deep inside the request)."""
    from urllib.parse import urlsplit

    from pipelines.config import redact_url

    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise NewsindexError(f"Kibana URL {redact_url(url)!r} is not a valid URL ({exc}); use e.g. "
                             "http://127.0.0.1:5601") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise NewsindexError(f"Kibana URL {redact_url(url)!r} is not an http(s) URL with a host; use e.g. "
                             "http://127.0.0.1:5601")


def saved_objects(alias: str = "articles") -> bytes:
    """The saved objects, their data view pointed at the configured read alias."""
    raw = resources.files("index_config").joinpath("kibana/newsindex.ndjson").read_text(encoding="utf-8")
    objects = [json.loads(line) for line in raw.splitlines() if line.strip()]
    for obj in objects:
        if obj["type"] == "index-pattern":
            obj["attributes"]["title"] = alias
            obj["attributes"]["name"] = f"newsindex {alias}"
    return "".join(json.dumps(obj, ensure_ascii=False) + "\n" for obj in objects).encode("utf-8")


def _multipart(filename: str, payload: bytes) -> tuple[bytes, str]:
    """The import API's form: one file field (urllib3 builds the body and its boundary)."""
    from urllib3 import encode_multipart_formdata

    return encode_multipart_formdata({"file": (filename, payload, "application/ndjson")})


def import_saved_objects(settings: Settings, kibana_url: str) -> dict:
    _check_url(kibana_url)
    body, content_type = _multipart("newsindex.ndjson", saved_objects(settings.alias))
    req = urllib.request.Request(f"{kibana_url.rstrip('/')}/api/saved_objects/_import?overwrite=true",
                                 data=body, method="POST")
    req.add_header("Content-Type", content_type)
    req.add_header("kbn-xsrf", "newsindex")
    if settings.es_api_key:
        req.add_header("Authorization", f"ApiKey {settings.es_api_key}")
    else:
        password = settings.es_password or (read_password(settings) if settings.managed else "") or ""
        token = b64encode(f"{settings.es_user}:{password}".encode()).decode()
        req.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            result = json.loads(resp.read())
    except urllib.error.HTTPError as exc:
        raise NewsindexError(f"Kibana at {kibana_url} refused the import ({exc.code}: "
                             f"{exc.read()[:300].decode(errors='replace')})") from exc
    except OSError as exc:
        raise NewsindexError(f"Kibana is not reachable at {kibana_url}: set NEWSINDEX_KIBANA_URL "
                             "(docker compose up starts one on 127.0.0.1:5601)") from exc
    if not result.get("success"):
        errors = "; ".join(f"{e.get('type')}/{e.get('id')}: {e.get('error', {}).get('type')}"
                           for e in result.get("errors", []))
        raise NewsindexError(f"Kibana imported {result.get('successCount', 0)} objects but failed on: {errors}")
    return result
