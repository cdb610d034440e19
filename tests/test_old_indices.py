"""`reindex --keep-old N` keeps the newest N old indices and deletes the older ones; `newsindex indices` lists
the alias's indices (name, docs, size, created, which one is live) — against the real node."""

import pytest
from helpers import write_articles

from newsindex.cli import main
from newsindex.reindex import alias_indices
from pipelines.config import load_settings
from pipelines.elastic import write_index

pytestmark = pytest.mark.es


def test_keep_old_n_prunes_and_indices_lists_them(es_env, es_client, tmp_path, capsys):
    settings = load_settings()
    write_articles(tmp_path / "corpus", 12)
    assert main(["ingest", str(tmp_path / "corpus")]) == 0
    first = write_index(es_client, settings)
    assert main(["reindex", "--from", "index"]) == 0  # --keep-old without N: every old index stays
    second = write_index(es_client, settings)
    assert main(["reindex", "--from", "index", "--keep-old"]) == 0
    third = write_index(es_client, settings)
    assert [i.name for i in alias_indices(es_client, settings)] == [third, second, first]
    capsys.readouterr()

    assert main(["reindex", "--from", "index", "--keep-old", "1"]) == 0
    live = write_index(es_client, settings)
    out = capsys.readouterr().out
    assert f"2 older indices deleted: {second}, {first}" in out
    assert not es_client.indices.exists(index=first) and not es_client.indices.exists(index=second)
    indices = alias_indices(es_client, settings)
    assert [(i.name, i.read, i.write) for i in indices] == [(live, True, True), (third, False, False)]
    assert all(i.docs == 12 and i.size_bytes > 0 for i in indices)

    assert main(["indices"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[1].startswith(f"* {live} ") and listing[1].endswith("live") and " 12 " in listing[1]
    assert listing[2].startswith(f"  {third} ") and not listing[2].endswith("live") and len(listing) == 3

    assert main(["reindex", "--from", "index", "--delete-old"]) == 0  # keeps none of the old ones: 0
    assert [i.name for i in alias_indices(es_client, settings)][1:] == [third]
