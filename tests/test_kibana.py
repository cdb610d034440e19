"""Kibana cannot run here: its saved objects are checked statically against the mapping, and the
import call is checked against a local HTTP endpoint that records the request."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from newsindex.kibana import import_saved_objects, saved_objects
from pipelines.config import load_settings
from pipelines.elastic import load_config

MAPPING = load_config("component_mappings.json")["template"]["mappings"]["properties"]
AGG_TYPES = {"terms": {"keyword"}, "date_histogram": {"date"}}


def field_type(name: str) -> str | None:
    head, _, sub = name.partition(".")
    field = MAPPING.get(head)
    if field and sub:
        field = field.get("fields", {}).get(sub)
    return field["type"] if field else None


@pytest.fixture(scope="module")
def objects():
    lines = saved_objects().decode("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_ndjson_is_well_formed(objects):
    assert {o["type"] for o in objects} == {"index-pattern", "search", "visualization", "dashboard"}
    for obj in objects:
        assert {"type", "id", "attributes", "references"} <= obj.keys()
        for key in ("visState", "panelsJSON", "optionsJSON", "uiStateJSON"):
            if key in obj["attributes"]:
                json.loads(obj["attributes"][key])
        json.loads(obj["attributes"].get("kibanaSavedObjectMeta", {}).get("searchSourceJSON", "{}"))


def test_every_reference_resolves(objects):
    present = {(o["type"], o["id"]) for o in objects}
    for obj in objects:
        for ref in obj["references"]:
            assert (ref["type"], ref["id"]) in present, (obj["id"], ref)
    dashboard = next(o for o in objects if o["type"] == "dashboard")
    panel_refs = {p["panelRefName"] for p in json.loads(dashboard["attributes"]["panelsJSON"])}
    assert panel_refs == {r["name"] for r in dashboard["references"]}


def test_data_view_is_on_the_read_alias_with_published_as_time(objects):
    view = next(o for o in objects if o["type"] == "index-pattern")
    assert view["attributes"]["title"] == load_settings().alias
    assert field_type(view["attributes"]["timeFieldName"]) == "date"


def test_fields_exist_with_fitting_types(objects):
    for obj in objects:
        attrs = obj["attributes"]
        for column in attrs.get("columns", []):
            assert field_type(column), column
        for field, _ in attrs.get("sort", []):
            assert field_type(field) in {"date", "keyword", "integer", "float"}, field
        if "visState" in attrs:
            for agg in json.loads(attrs["visState"])["aggs"]:
                if agg["type"] in AGG_TYPES:
                    assert field_type(agg["params"]["field"]) in AGG_TYPES[agg["type"]], agg


def test_dashboard_covers_what_users_look_at(objects):
    fields = set()
    for obj in objects:
        if "visState" in obj["attributes"]:
            fields |= {a["params"].get("field") for a in json.loads(obj["attributes"]["visState"])["aggs"]}
    assert {"published", "site", "language", "author", "tags"} <= fields


def test_import_call(tmp_path):
    seen = {}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            seen["path"], seen["headers"] = self.path, self.headers  # case-insensitive
            seen["body"] = self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(200)
            self.end_headers()
            self.wfile.write(json.dumps({"success": True, "successCount": 8}).encode())

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.handle_request, daemon=True).start()
    settings = load_settings(es_url="http://127.0.0.1:9200", es_password="secret", alias="news-eu")
    result = import_saved_objects(settings, f"http://127.0.0.1:{server.server_port}")
    server.server_close()
    assert result["successCount"] == 8
    assert seen["path"] == "/api/saved_objects/_import?overwrite=true"
    assert seen["headers"]["kbn-xsrf"] and seen["headers"]["Authorization"].startswith("Basic ")
    assert seen["headers"]["Content-Type"].startswith("multipart/form-data; boundary=")
    assert saved_objects("news-eu") in seen["body"]
    sent = [json.loads(line) for line in saved_objects("news-eu").decode().splitlines()]
    [view] = [o for o in sent if o["type"] == "index-pattern"]
    assert view["attributes"]["title"] == "news-eu"  # the data view reads the configured alias
    assert len(sent) == len([line for line in saved_objects().decode().splitlines() if line.strip()])
