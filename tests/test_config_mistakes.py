"""Every configuration mistake of issue 24 (items 7 and 10) is one line on stderr and exit 2, never a traceback:
a sources file of the wrong shape, a regex that does not compile, a setting that is not a number, a malformed
config file, an Elasticsearch or Kibana URL that is not one. Each is the real `newsindex` command in a
subprocess; none of them needs a node (they are refused before one is asked)."""

import os
import subprocess
import sys

import pytest

BIN = os.path.join(os.path.dirname(sys.executable), "newsindex")
SITE = 'start_urls: ["http://127.0.0.1:9/news/"]'

SOURCES = {
    "a list": ("- fixture\n- other\n", "the file must be a mapping"),
    "a number": ("5\n", "the file must be a mapping"),
    "sites as a list": ("sites: [1, 2]\n", "sites must be a mapping"),
    "a site as a number": ("sites: {fixture: 5}\n", "site 'fixture' must be a mapping"),
    "defaults as a string": (f"defaults: often\nsites: {{fixture: {{{SITE}}}}}\n", "defaults must be a mapping"),
    "a string where a list goes": ('sites: {fixture: {start_urls: "http://127.0.0.1:9/"}}\n',
                                   "start_urls must be a list of strings"),
    "a bad window_days": (f"sites: {{fixture: {{{SITE}, window_days: soon}}}}\n", "window_days must be a number"),
    "a negative window_days": (f"sites: {{fixture: {{{SITE}, window_days: -3}}}}\n", "window_days must be"),
    "a non-http URL": ('sites: {fixture: {feeds: ["ftp://127.0.0.1/rss"]}}\n', "is not an http(s) URL"),
    "a URL without a host": ('sites: {fixture: {sitemaps: ["/sitemap.xml"]}}\n', "is not an http(s) URL"),
    "a bad deny regex": (f'sites: {{fixture: {{{SITE}, deny: ["*bad"]}}}}\n', "deny '*bad' is not a regular"),
    "a bad allow regex": (f'sites: {{fixture: {{{SITE}, allow: ["/news/(\\\\d+"]}}}}\n', "is not a regular expr"),
    "a word for a Scrapy number": (f"sites: {{fixture: {{{SITE}, settings: {{DOWNLOAD_DELAY: fast}}}}}}\n",
                                   "setting DOWNLOAD_DELAY must be a number"),
    "a bad depth": (f"sites: {{fixture: {{{SITE}, depth: deep}}}}\n", "depth must be a whole number"),
    "not YAML": ("sites: {fixture: [\n", "is not valid YAML"),
}


def run(args: list[str], tmp_path, **env) -> subprocess.CompletedProcess:
    base = {**os.environ, "NEWSINDEX_HOME": str(tmp_path / "home"), "NEWSINDEX_ES_URL": "http://127.0.0.1:9",
            "NEWSINDEX_ES_PASSWORD": "unused", "NEWSINDEX_CONFIG": str(tmp_path / "none.toml")}
    return subprocess.run([BIN, *args], env={**base, **env}, cwd=tmp_path, capture_output=True, text=True,
                          timeout=120)


def assert_one_line(result: subprocess.CompletedProcess, expected: str) -> None:
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and len(lines) == 1, result.stderr[-2000:]
    assert lines[0].startswith("newsindex: error: ") and expected in lines[0], lines[0]


@pytest.mark.parametrize("case", SOURCES, ids=list(SOURCES))
def test_a_sources_file_mistake_is_one_line(case, tmp_path):
    text, expected = SOURCES[case]
    (tmp_path / "sources.yaml").write_text(text)
    assert_one_line(run(["crawl", "fixture"], tmp_path, NEWSINDEX_SOURCES=str(tmp_path / "sources.yaml")), expected)


@pytest.mark.parametrize("variable,value,expected", [
    ("NEWSINDEX_WORKERS", "two", "NEWSINDEX_WORKERS='two' is not a number"),
    ("NEWSINDEX_BULK_SIZE", "0", "out of range"),
    ("NEWSINDEX_ES_URL", "http://[::1", "is not a valid URL"),
])
def test_a_setting_mistake_stops_a_crawl_with_one_line(variable, value, expected, tmp_path):
    (tmp_path / "sources.yaml").write_text(f"sites: {{fixture: {{{SITE}}}}}\n")
    assert_one_line(run(["crawl", "fixture"], tmp_path, NEWSINDEX_SOURCES=str(tmp_path / "sources.yaml"),
                        **{variable: value}), expected)


def test_a_malformed_config_file_is_one_line(tmp_path):
    (tmp_path / "newsindex.toml").write_text("[newsindex]\nbulk_size = [\n")
    assert_one_line(run(["quality"], tmp_path, NEWSINDEX_CONFIG=str(tmp_path / "newsindex.toml")),
                    "is not valid TOML")


def test_a_password_in_a_malformed_es_url_is_not_shown(tmp_path):
    result = run(["quality"], tmp_path, NEWSINDEX_ES_URL="http://indexer:s3cret@[::1")
    assert_one_line(result, "is not a valid URL")
    assert "s3cret" not in result.stderr and "indexer:***@" in result.stderr


def test_a_kibana_url_that_is_not_one_is_one_line(tmp_path):
    assert_one_line(run(["kibana", "import", "--url", "not a url"], tmp_path), "Kibana URL 'not a url'")
