"""Settings resolve env > config file > default, so one CLI reaches any cluster."""

from pipelines.config import load_settings


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
