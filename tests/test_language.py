import pytest

from pipelines.language import detect_language

SAMPLES = {
    "en": "The central bank raised its key rate by half a point on Friday, citing persistent inflation.",
    "ru": "Центральный банк в пятницу повысил ключевую ставку на полпроцента, сославшись на инфляцию.",
    "de": "Die Zentralbank hat am Freitag den Leitzins um einen halben Punkt angehoben und auf Inflation verwiesen.",
    "fr": "La banque centrale a relevé vendredi son taux directeur d'un demi-point, invoquant une inflation tenace.",
    "es": "El banco central subió el viernes su tipo de interés en medio punto, citando una inflación persistente.",
    "it": "La banca centrale ha alzato venerdì il tasso di riferimento di mezzo punto, citando l'inflazione.",
    "uk": "Центральний банк у пʼятницю підвищив облікову ставку на пів відсотка, пославшись на інфляцію.",
    "tr": "Merkez bankası cuma günü politika faizini yarım puan artırdı ve kalıcı enflasyona dikkat çekti.",
}


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_detects_language(code):
    lang, confidence, status = detect_language(SAMPLES[code])
    assert (lang, status) == (code, "ok") and confidence >= 0.8


def test_deterministic():
    mixed = SAMPLES["en"][:60] + " " + SAMPLES["de"][:60]
    assert len({detect_language(mixed) for _ in range(5)}) == 1


def test_too_short_is_not_guessed():
    assert detect_language("Ok, 2024!") == ("und", 0.0, "too-short")


def _texts() -> list[str]:
    """Every sample, the seed articles, and the awkward cases: capitals, digits, URLs, CJK, Vietnamese marks."""
    from pathlib import Path

    seeds = sorted(Path(__file__).resolve().parents[1].joinpath("seeds").glob("*.txt"))
    texts = list(SAMPLES.values()) + [path.read_text(encoding="utf-8")[:2000] for path in seeds]
    texts += ["NASA and the ESA said on Monday that the JWST images of NGC 1300 were released at https://x.org/a",
              "東京都は月曜日、新しい交通計画を発表した。市民の意見を聞きながら進めるという。ひらがなカタカナ",
              "Ngân hàng trung ương đã tăng lãi suất thêm nửa điểm vào thứ Sáu vì lạm phát kéo dài.",
              "Mixed ΕΛΛΗΝΙΚΆ κείμενο with English words and ΚΕΦΑΛΑΙΑ and numbers 2024-06-14 ... «quotes» — dash",
              # n-grams are made a word at a time (and remembered): a text ending on a space, runs of
              # characters langdetect reads as spaces, capitals inside words, a word seen twice
              "Ends on a space ... !!  (a) -- «b» ÉTÉ été ÉtÉ McDONALD'S x  ", "été ÉTÉ été ÉTÉ été"]
    return texts


@pytest.mark.parametrize("trials", [1, 3, 7])
def test_our_faster_detector_gives_langdetects_own_probabilities(trials):
    """The rewritten inner loops (pipelines.language._detector_class) change no probability, bit for bit."""
    from langdetect.detector import Detector

    from pipelines.language import _detector_class, _factory

    for text in _texts():
        ours, theirs = _detector_class()(_factory()), Detector(_factory())
        for detector in (ours, theirs):
            detector.n_trial = trials
            detector.append(text)
        assert ours._extract_ngrams() == theirs._extract_ngrams()
        assert ours._extract_ngrams() == theirs._extract_ngrams()  # again, from the remembered words
        assert [(x.lang, x.prob) for x in ours.get_probabilities()] == [
            (x.lang, x.prob) for x in theirs.get_probabilities()]
        assert ours.langprob == theirs.langprob  # every language's probability, not only the ones shown
