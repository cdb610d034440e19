"""Language of the cleaned text: langdetect with a fixed seed, or "und" when it cannot tell."""

from __future__ import annotations

from pipelines.base import CpuStage, Item

MIN_LETTERS = 40
MIN_CONFIDENCE = 0.80
SAMPLE_CHARS = 600  # enough for a stable call; langdetect's cost grows with the sample


def detect_language(text: str) -> tuple[str, float, str]:
    """(code, probability, status); status is "ok", "too-short" or "uncertain"."""
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return "und", 0.0, "too-short"
    try:
        best = detect_langs(sample)[0]
    except LangDetectException:
        return "und", 0.0, "too-short"
    if best.prob < MIN_CONFIDENCE:
        return "und", round(best.prob, 3), "uncertain"
    return best.lang, round(best.prob, 3), "ok"


class LanguageStage(CpuStage):
    name = "language"

    def process(self, item: Item) -> Item:
        code, confidence, status = detect_language("\n".join(item["paragraphs"]))
        item["language"], item["language_confidence"], item["language_status"] = code, confidence, status
        return item
