"""Language of the cleaned text: langdetect with a fixed seed, or "und" when it cannot tell."""

from __future__ import annotations

import functools
import sys

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


MAX_CACHED_WORDS = 50_000  # words whose n-grams are kept (one process, one language model): a few MB
_WORD_GRAMS: dict[str, tuple[str, ...]] = {}


class _NormalisedChars(dict):
    """``str.translate``'s table: each character as langdetect's ``NGram.normalize`` makes it, made once."""

    def __missing__(self, code: int) -> str:
        from langdetect.utils.ngram import NGram

        self[code] = NGram.normalize(chr(code))
        return self[code]


_NORMALISED = _NormalisedChars()
MAX_CACHED_VECTORS = 20_000  # n-grams whose language vector is kept as an array (55 floats each): ~10 MB
_VECTORS: dict = {}


def _vector(known, gram: str):
    """An n-gram's per-language probabilities as a numpy array, made once a process (None: not in the model)."""
    vector = _VECTORS.get(gram)
    if vector is None:
        import numpy as np

        if (values := known.get(gram)) is None:
            return None
        if len(_VECTORS) >= MAX_CACHED_VECTORS:
            _VECTORS.clear()
        vector = _VECTORS[gram] = np.array(values, dtype=np.float64)
    return vector


def _word_grams(word: str, known) -> tuple[str, ...]:
    """The known 1–3-grams langdetect reads from one normalised word (and the space after it), in its order:
    its state after a space, then one character at a time (no space inside the word, so no reset)."""
    result: list[str] = []
    grams, capital = " ", False
    for ch in word:
        last = grams[-1]
        grams = (grams[1:] if len(grams) >= 3 else grams) + ch
        if ch.isupper():
            if last.isupper():
                capital = True
        else:
            capital = False
        if capital:
            continue
        for n in (1, 2, 3):
            if len(grams) < n:
                break
            gram = grams[-n:]
            if gram != " " and gram in known:
                result.append(sys.intern(gram))  # one copy of each n-gram
    return tuple(result)


@functools.cache
def _detector_class():
    """langdetect's ``Detector`` with its inner loops rewritten, the same arithmetic in the same order: the
    n-grams a word at a time, each word's made once a process from characters normalised once (its ``NGram``
    object normalises and slices per character), and the trials' probability updates on numpy arrays, with
    langdetect's random draws in its order, so the answers are its answers (tests/test_language.py compares
    them bit for bit)."""
    from langdetect.detector import Detector

    class NgramDetector(Detector):
        def _extract_ngrams(self) -> list[str]:
            # langdetect's n-gram state starts afresh after each space, so a text's n-grams are its words' (each
            # with the space after it) one after the other: each word's are made once a process.
            pieces = self.text.translate(_NORMALISED).split(" ")
            result: list[str] = []
            last = len(pieces) - 1
            for i, word in enumerate(pieces):
                if word:
                    key = word + " " if i < last else word
                    grams = _WORD_GRAMS.get(key)
                    if grams is None:
                        if len(_WORD_GRAMS) >= MAX_CACHED_WORDS:
                            _WORD_GRAMS.clear()
                        grams = _WORD_GRAMS[key] = _word_grams(key, self.word_lang_prob_map)
                    result.extend(grams)
            return result

        def _detect_block(self) -> None:
            # langdetect's loop, the same random draws in the same order, with each language vector a numpy
            # array: p * (weight + q) and p / total elementwise are the same IEEE operations; the total is
            # Python's own sum over the list, as langdetect adds.
            import numpy as np
            from langdetect.lang_detect_exception import ErrorCode, LangDetectException

            self.cleaning_text()
            ngrams = self._extract_ngrams()
            if not ngrams:
                raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
            langprob = np.zeros(len(self.langlist))
            self.random.seed(self.seed)
            for _ in range(self.n_trial):
                prob = np.array(self._init_probability(), dtype=np.float64)
                weight = (self.alpha + self.random.gauss(0.0, 1.0) * self.ALPHA_WIDTH) / self.BASE_FREQ
                i = 0
                while True:
                    vector = _vector(self.word_lang_prob_map, self.random.choice(ngrams))
                    if vector is not None:
                        prob *= weight + vector
                    if i % 5 == 0:
                        prob /= sum(prob.tolist())
                        if float(prob.max()) > self.CONV_THRESHOLD or i >= self.ITERATION_LIMIT:
                            break
                    i += 1
                langprob += prob / self.n_trial
            self.langprob = langprob.tolist()

    return NgramDetector


def detect_language(text: str, sample_chars: int | None = None, trials: int | None = None
                    ) -> tuple[str, float, str]:
    """(code, probability, status); status is "ok", "too-short" or "uncertain"."""
    from langdetect.lang_detect_exception import LangDetectException

    sample = text[:sample_chars or SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return "und", 0.0, "too-short"
    try:
        detector = _detector_class()(_factory())
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
