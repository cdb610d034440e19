"""Cross-document dedupe: site boilerplate (batch two-pass, remembered across runs) and
near-duplicate clusters. Each step alone, then through the stages."""

import os
import subprocess
import sys

import numpy as np
import pytest
from helpers import ROOT

from pipelines.dedupe import (
    DedupeConfig,
    NearDuplicateStage,
    SiteBoilerplateStage,
    band_keys,
    estimated_jaccard,
    minhash_signature,
    paragraph_signature,
)
from pipelines.runner import run_batch
from pipelines.store import ParagraphStore

WIRE = [
    "Russian Foreign Minister Sergei Lavrov held talks with his Armenian counterpart in Yerevan on Thursday.",
    "He reaffirmed Moscow's willingness to help negotiate a peace deal between Armenia and Azerbaijan.",
    "The European Union is leading the normalization process, which involves border delimitation talks.",
    "Armenian and Azerbaijani leaders met in Brussels in April and May for talks on a future peace treaty.",
]
PROMO = "Get the best of our reporting in your inbox every morning with the daily briefing from our desk."


def article(i: int, site: str = "example.com", extra: list[str] | None = None) -> dict:
    own = [f"Story number {i} reports on a different event with its own facts, figures and quotes {i * 7}.",
           f"A second paragraph of story {i} adds context about the region and the people involved {i * 11}."]
    return {"id": f"doc{i:03d}", "source": f"/data/{site}/{i}.html", "site": site,
            "paragraphs": own + (extra or []), "removed": []}


def test_paragraph_signature_ignores_case_and_punctuation():
    assert paragraph_signature("Read the FULL story!") == paragraph_signature("read the full story")
    assert paragraph_signature("Read the full story") != paragraph_signature("Read the full report")


def test_minhash_finds_near_duplicates_and_not_others():
    a = minhash_signature(" ".join(WIRE))
    b = minhash_signature(" ".join(WIRE[:3] + [WIRE[3].replace("April", "early April")]))
    c = minhash_signature(" ".join(article(1)["paragraphs"]))
    assert estimated_jaccard(a, b) > 0.7 and estimated_jaccard(a, c) < 0.1
    assert set(band_keys(a, 32)) & set(band_keys(b, 32))


def test_site_boilerplate_batch_counts_apply_to_every_document(tmp_path):
    batch = [article(i, extra=[PROMO]) for i in range(3)] + [article(3)]
    stage = SiteBoilerplateStage(tmp_path / "s.sqlite")
    done = list(run_batch(batch, [stage], on_failure=lambda item, reason: None))
    # The first document is filtered too: the batch's counts were taken before filtering.
    assert all(PROMO not in d["paragraphs"] for d in done)
    assert [r["reason"] for r in done[0]["removed"]] == ["site-boilerplate"]
    assert all(len(d["paragraphs"]) == 2 for d in done)


def test_a_site_template_section_heading_inside_the_body_stays(tmp_path):
    """One template's recurring section headings ("What's the Big Idea?", "Что произошло?") between the story's
    own paragraphs are structure; the same short line at the edge, next to other recurring lines, is not."""
    headings = ["What's the Big Idea?", "Что произошло?", "Was ist passiert?"]
    batch = []
    for i in range(4):
        doc = article(i)
        own = doc["paragraphs"]
        doc["paragraphs"] = [own[0], headings[i % 3], own[1], "Related Content", PROMO]
        batch.append(doc)
    for i in range(4, 7):  # each heading recurs in at least three articles
        doc = article(i)
        doc["paragraphs"] = [doc["paragraphs"][0], headings[i % 3], doc["paragraphs"][1]]
        batch.append(doc)
    done = list(run_batch(batch, [SiteBoilerplateStage(tmp_path / "s.sqlite", DedupeConfig(site_repeat_threshold=2))],
                          lambda i, r: None))
    for doc in done:
        assert doc["paragraphs"][1] in headings, doc["paragraphs"]
        assert "Related Content" not in doc["paragraphs"] and PROMO not in doc["paragraphs"]
    assert {r["text"] for d in done for r in d["removed"]} == {"Related Content", PROMO}


def test_each_language_variant_of_a_site_promo_recurs_on_its_own(tmp_path):
    """A site that runs its promo in each of its languages: every variant recurs across that language's
    articles, so each one reaches the threshold by itself (counts are per site, not per language)."""
    variants = {"en": "Our morning letter brings the five stories that matter, before your first coffee.",
                "ru": "Наше утреннее письмо — пять главных историй дня ещё до вашего первого кофе.",
                "de": "Unser Morgenbrief bringt die fünf wichtigsten Geschichten vor dem ersten Kaffee."}
    batch = [article(i, extra=[variants[lang]]) for i, lang in enumerate(list(variants) * 3)]
    done = list(run_batch(batch, [SiteBoilerplateStage(tmp_path / "s.sqlite")], lambda i, r: None))
    assert all(len(d["paragraphs"]) == 2 for d in done)
    assert {r["text"] for d in done for r in d["removed"]} == set(variants.values())


def test_site_boilerplate_is_per_site(tmp_path):
    batch = [article(0, "a.com", [PROMO]), article(1, "b.com", [PROMO]), article(2, "c.com", [PROMO])]
    done = list(run_batch(batch, [SiteBoilerplateStage(tmp_path / "s.sqlite")], lambda i, r: None))
    assert all(PROMO in d["paragraphs"] for d in done)


def test_site_boilerplate_is_remembered_across_runs(tmp_path):
    path = tmp_path / "s.sqlite"
    first = SiteBoilerplateStage(path)
    list(run_batch([article(i, extra=[PROMO]) for i in range(2)], [first], lambda i, r: None))
    first.close()
    second = SiteBoilerplateStage(path)
    [later] = list(run_batch([article(9, extra=[PROMO])], [second], lambda i, r: None))
    assert PROMO not in later["paragraphs"]
    assert ParagraphStore(path).counts("example.com", [paragraph_signature(PROMO)]) == {
        paragraph_signature(PROMO): 3}


def test_copies_of_one_story_do_not_count_as_boilerplate(tmp_path):
    """Syndicated copies share a cluster, so their paragraphs count once per site."""
    copies = [{"id": f"copy{i}", "source": f"/x/{i}", "site": "example.com", "paragraphs": list(WIRE),
               "removed": []} for i in range(4)]
    stages = [NearDuplicateStage(tmp_path / "s.sqlite"), SiteBoilerplateStage(tmp_path / "s.sqlite")]
    done = list(run_batch(copies, stages, lambda i, r: None))
    assert {d["cluster_id"] for d in done} == {"copy0"}
    assert all(d["paragraphs"] == WIRE for d in done)


def test_near_duplicate_clusters_are_stable_and_persistent(tmp_path):
    path = tmp_path / "s.sqlite"
    wire = {"id": "zzz-wire", "paragraphs": list(WIRE)}
    reworded = {"id": "bbb-copy", "paragraphs": WIRE[:3] + [WIRE[3] + " Officials gave no date."]}
    other = {"id": "aaa-other", "paragraphs": article(5)["paragraphs"]}
    stage = NearDuplicateStage(path)
    done = {d["id"]: d["cluster_id"] for d in run_batch([wire, other, reworded], [stage], lambda i, r: None)}
    assert done["zzz-wire"] == done["bbb-copy"] == "bbb-copy"  # smallest id of the group, whatever the order
    assert done["aaa-other"] == "aaa-other"
    stage.close()
    later = NearDuplicateStage(path).process({"id": "ccc-later", "paragraphs": list(WIRE)})
    assert later["cluster_id"] == "bbb-copy"


def test_signature_is_the_same_in_every_process():
    """Signatures are stored across runs (SQLite, Redis): they must not depend on the process's hash seed."""
    code = ("import sys; from pipelines.dedupe import minhash_signature; "
            "print(','.join(map(str, minhash_signature(sys.argv[1]).tolist())))")
    text = "Ministers met in Baku on Thursday to discuss the border treaty and the pipeline"
    runs = [subprocess.run([sys.executable, "-c", code, text], env={**os.environ, "PYTHONHASHSEED": seed},
                           cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
            for seed in ("1", "2")]
    assert runs[0] == runs[1] == ",".join(map(str, minhash_signature(text).tolist()))
    assert not np.array_equal(minhash_signature(text), minhash_signature(text + " and the harvest"))


def test_streaming_stages_share_one_store_file(tmp_path):
    """As Scrapy runs them: item by item, no prepare, both stages on the same SQLite file."""
    path = tmp_path / "s.sqlite"
    near, site = NearDuplicateStage(path), SiteBoilerplateStage(path)
    done = [site.process(near.process(article(i, extra=[PROMO]))) for i in range(4)]
    assert [PROMO in d["paragraphs"] for d in done] == [True, True, False, False]
    assert len({d["cluster_id"] for d in done}) == 4


def test_band_keys_do_not_depend_on_how_the_signature_was_stored():
    """A signature read back from a store comes as uint64: it must find the same bands (the two-pass
    near-duplicate assignment reads every signature back)."""
    signature = minhash_signature("one two three four five six seven eight nine ten eleven twelve")
    stored = np.frombuffer(signature.astype(np.uint64).tobytes(), dtype=np.uint64)
    assert band_keys(stored, 32) == band_keys(signature, 32)


def test_batch_stages_read_the_batch_back_instead_of_holding_it(tmp_path):
    """The runner hands a batch stage the runner's spill (not a list it keeps), and the results are those of
    the stages run in order."""
    seen = []

    class Recorder(SiteBoilerplateStage):
        def prepare(self, batch):
            seen.append(type(batch).__name__)
            super().prepare(batch)

    batch = [article(i, extra=[PROMO]) for i in range(4)]
    done = list(run_batch(batch, [NearDuplicateStage(tmp_path / "s.sqlite"), Recorder(tmp_path / "s.sqlite")],
                          lambda i, r: None))
    assert seen == ["Spill"] and len(done) == 4
    assert all(PROMO not in d["paragraphs"] for d in done)


def test_a_big_batch_goes_to_disk_and_reads_back_whole():
    """A spill holds a few items in memory, then moves every item to its file: both read back in order, as
    often as asked."""
    from pipelines.runner import Spill

    small, big = Spill(in_memory=3), Spill(in_memory=3)
    items = [{"id": str(i), "paragraphs": [f"line {i}"]} for i in range(7)]
    for item in items[:3]:
        small.append(item)
    for item in items:
        big.append(item)
    assert small.file is None and list(small) == items[:3]
    assert big.file is not None and not big.held
    assert list(big) == items and list(big) == items
    small.close()
    big.close()


@pytest.mark.parametrize("text", ["", "one", "The council met. " * 40, " ".join(WIRE),
                                  "Zürich, Łódź и Київ: 東京 2024"])
def test_the_signature_is_datasketchs_default_minhash(text):
    """Signatures kept in a store by an earlier run stay comparable: ours is datasketch's MinHash with its
    default hash and permutations, over the same shingles."""
    import re

    from datasketch import MinHash

    words = re.findall(r"\w+", text.casefold())
    shingles = {" ".join(words[i:i + 5]) for i in range(max(1, len(words) - 5 + 1))}
    reference = MinHash(num_perm=128, seed=1)
    reference.update_batch([s.encode("utf-8") for s in shingles])
    ours = minhash_signature(text)
    assert ours.dtype == reference.hashvalues.dtype and np.array_equal(ours, reference.hashvalues)
