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
