"""Settings resolve env > config file > default, so one CLI reaches any cluster."""

import os
import subprocess
import sys

import pytest

from pipelines.config import SettingsError, load_settings


def test_defaults_point_at_the_managed_node(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    for key in ("NEWSINDEX_ES_URL", "NEWSINDEX_CONFIG", "NEWSINDEX_ALIAS", "NEWSINDEX_ES_PORT"):
        monkeypatch.delenv(key, raising=False)
    settings = load_settings()
    assert settings.managed and settings.url == "http://127.0.0.1:9200"
    assert (settings.alias, settings.write_alias) == ("articles", "articles-write")


def test_config_file_then_env(monkeypatch, tmp_path):
    config = tmp_path / "cluster.toml"
    config.write_text('[newsindex]\nes_url = "https://search.example:9243"\nes_api_key = "abc"\n'
                      'alias = "news"\nsite_repeat_threshold = 5\n')
    monkeypatch.setenv("NEWSINDEX_CONFIG", str(config))
    monkeypatch.delenv("NEWSINDEX_ES_URL", raising=False)
    monkeypatch.delenv("NEWSINDEX_ALIAS", raising=False)
    settings = load_settings()
    assert not settings.managed and settings.url == "https://search.example:9243"
    assert (settings.es_api_key, settings.alias, settings.site_repeat_threshold) == ("abc", "news", 5)
    monkeypatch.setenv("NEWSINDEX_ALIAS", "override")
    assert load_settings().alias == "override"


@pytest.mark.parametrize(("name", "value", "said"), [
    ("NEWSINDEX_BULK_SIZE", "0", "must be from 1 to 100000"), ("NEWSINDEX_BULK_SIZE", "-5", "must be from 1"),
    ("NEWSINDEX_ES_PORT", "99999", "must be from 1 to 65535"), ("NEWSINDEX_NEAR_DUP_THRESHOLD", "nan", "out of range"),
    ("NEWSINDEX_MAX_BYTES", "12", "must be at least 1024"), ("NEWSINDEX_WORKERS", "lots", "is not a number"),
])
def test_a_setting_out_of_its_range_is_one_line_and_exit_2(monkeypatch, tmp_path, name, value, said):
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError, match=said):
        load_settings()
    env = {**os.environ, "NEWSINDEX_HOME": str(tmp_path), name: value}
    run = subprocess.run([os.path.join(os.path.dirname(sys.executable), "newsindex"), "extract", str(tmp_path)],
                         env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and len(run.stderr.strip().splitlines()) == 1 and said in run.stderr, run.stderr
