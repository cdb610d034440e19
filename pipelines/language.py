"""Language of the cleaned text: langdetect with a fixed seed, or "und" when it cannot tell."""

from __future__ import annotations

import functools

from pipelines.base import CpuStage, Item

MIN_LETTERS = 40
MIN_CONFIDENCE = 0.80
# The cost is bounded twice: langdetect reads a sample of the text (its cost grows with the sample) and runs
# TRIALS random trials instead of its default 7 (the cost grows with them). bench/bench_language.py measures
# the answers against the whole text with the default trials on every human-made text we have.
SAMPLE_CHARS = 600
TRIALS = 3


@functools.cache
def _factory():
    """A langdetect factory of our own (its language profiles load once per process), fixed seed: what
    ``langdetect.detect`` builds in its private module global, through the public class."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    DetectorFactory.seed = 0
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    return factory


def detect_language(text: str, sample_chars: int | None = None, trials: int | None = None
                    ) -> tuple[str, float, str]:
    """(code, probability, status); status is "ok", "too-short" or "uncertain"."""
    from langdetect.lang_detect_exception import LangDetectException

    sample = text[:sample_chars or SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return "und", 0.0, "too-short"
    try:
        detector = _factory().create()
        detector.n_trial = trials or TRIALS
        detector.append(sample)
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
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
