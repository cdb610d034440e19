"""The newsindex-analysis plugin on the real local node: built by `es start`, it gives the index template's
language analyzers to the integ-test distribution, so inflected and accent-free queries find their articles."""

import json
import re

import pytest

from newsindex import plugin
from newsindex.cli import main
from newsindex.node import distribution_dir
from pipelines.config import load_settings
from pipelines.elastic import has_analyzer, load_config, mappings_for, schema_version, setup

pytestmark = pytest.mark.es

# One short article per language, written for this test; the query is a form that is not in the text:
# another inflection, or the word without its accents.
ARTICLES = {
    "en": ("Ferry services resume after the storm",
           "The harbour authority said the ferries were running again on Tuesday morning. Crews had repaired "
           "the damaged piers overnight, and the first boats left on time with passengers and cars aboard. "
           "Officials warned that timetables could still change if the wind picked up again later in the week.",
           ["runs", "pier"]),
    "ru": ("Новый мост открыли для пешеходов",
           "В субботу в городе открыли новый пешеходный мост через реку. Строители закончили работы на месяц "
           "раньше срока, и жители сразу вышли посмотреть на конструкцию. По словам мэра, по мостам в центре "
           "теперь можно будет пройти от вокзала до парка за пятнадцать минут.",
           ["моста", "строитель"]),
    "de": ("Neue Häuser am Stadtrand",
           "Die Stadt hat am Montag den Bau von zweihundert neuen Häusern am südlichen Stadtrand genehmigt. "
           "Die Wohnungen sollen vor allem Familien mit Kindern zugutekommen, sagte die Bürgermeisterin. Der "
           "Gemeinderat stimmte mit großer Mehrheit für den Plan, die ersten Straßen werden im Frühjahr gebaut.",
           ["haus", "burgermeisterin"]),
    "fr": ("Le musée rouvre ses portes",
           "Après deux ans de travaux, le musée municipal a rouvert ses salles au public ce week-end. Les "
           "visiteurs ont découvert une collection agrandie de peintures régionales et une nouvelle galerie "
           "consacrée à l'histoire de la ville. L'entrée restera gratuite pour les écoliers jusqu'à l'été.",
           ["musee", "decouvert"]),
    "es": ("La canción del verano llega a la radio",
           "Una banda local presentó el viernes la canción que, según los críticos, sonará en todas las playas "
           "este verano. El grupo grabó el tema en un pequeño estudio de la ciudad con la ayuda de varios "
           "músicos jóvenes. Las entradas para el concierto de presentación se agotaron en pocas horas.",
           ["canciones", "musicos"]),
}


def test_the_node_has_the_language_analyzers_of_the_template(es_env, es_client):
    assert plugin.installed_build(distribution_dir(load_settings())) is not None, (
        "the analysis plugin is not installed: `newsindex es start` says why (it needs mvn and a JDK 21+)")
    for name in plugin.ANALYZERS:
        assert has_analyzer(es_client, name), name
    tokens = es_client.indices.analyze(analyzer="french", text="Les musées")["tokens"]
    assert [t["token"] for t in tokens] == ["muse"]  # stop word gone, stemmed, folded
    index = setup(es_client, load_settings())
    props = es_client.indices.get_mapping(index=index)[index]["mappings"]["properties"]
    assert {lang: props[f"text_{lang}"]["analyzer"] for lang in ("en", "ru", "de", "fr", "es", "it", "tr")} == {
        "en": "english", "ru": "russian", "de": "german", "fr": "french", "es": "spanish", "it": "italian",
        "tr": "turkish"}
    assert props["text_uk"]["analyzer"] == "standard"  # no Ukrainian stemmer in lucene-analysis-common


def test_an_analyzer_the_node_lacks_falls_back_to_standard(es_client):
    component = {"template": {"mappings": {"properties": {
        "text_xx": {"type": "text", "analyzer": "no-such-analyzer"},
        "text_en": {"type": "text", "analyzer": "english"}}}}}
    props = mappings_for(es_client, component)["template"]["mappings"]["properties"]
    assert props["text_xx"]["analyzer"] == "standard" and props["text_en"]["analyzer"] == "english"


def test_inflected_and_accent_free_queries_find_their_articles(es_env, tmp_path, capsys):
    for lang, (title, body, _) in ARTICLES.items():
        (tmp_path / f"{lang}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    assert main(["ingest", str(tmp_path)]) == 0
    capsys.readouterr()
    for lang, (title, body, queries) in ARTICLES.items():
        for query in queries:
            assert query not in re.findall(r"\w+", f"{title} {body}".lower())  # only analysis makes it match
            assert main(["search", query, "--json"]) == 0
            hits = json.loads(capsys.readouterr().out)["hits"]
            assert [(h["title"], h["language"]) for h in hits] == [(title, lang)], (lang, query)


def test_an_index_made_before_the_plugin_says_to_reindex_and_reindex_applies_it(es_env, es_client, tmp_path,
                                                                                  capsys):
    settings = load_settings()
    mappings = load_config("component_mappings.json")["template"]["mappings"]
    for field in mappings["properties"].values():
        if "analyzer" in field:
            field["analyzer"] = "standard"  # as setup made it on a node without the plugin
        field.pop("eager_global_ordinals", None)
        field.get("fields", {}).pop("folded", None)  # schema 6: made with the folded analyzer
    mappings["_meta"]["schema_version"] = 3  # before schema 4: setup upgrades it in place, analyzers kept
    old = f"{settings.alias}-v3-old"
    es_client.indices.create(index=old, mappings=mappings,
                             aliases={settings.alias: {}, settings.write_alias: {"is_write_index": True}})
    assert main(["setup"]) == 0
    upgraded = es_client.indices.get_mapping(index=old)[old]["mappings"]
    assert upgraded["_meta"]["schema_version"] == schema_version()
    assert upgraded["properties"]["site"]["eager_global_ordinals"] is True
    assert upgraded["properties"]["text_en"]["analyzer"] == "standard"
    note = capsys.readouterr().err
    assert "text_en" in note and "text_uk" not in note and "newsindex reindex --from index" in note
    (tmp_path / "en.txt").write_text(f"{ARTICLES['en'][0]}\n\n{ARTICLES['en'][1]}\n", encoding="utf-8")
    assert main(["ingest", str(tmp_path)]) == 0
    assert "newsindex reindex --from index" in capsys.readouterr().err
    assert main(["search", "runs", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 0  # no stemming in the old index

    assert main(["reindex", "--from", "index"]) == 0
    assert main(["setup"]) == 0
    assert "reindex" not in capsys.readouterr().err
    assert main(["search", "runs", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 1
