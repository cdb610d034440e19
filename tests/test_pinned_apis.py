"""Private APIs we still call, each pinned: an upgrade that changes one fails here, loudly, instead of turning
a feature silently off (the readability second opinion swallows its errors by design).

- trafilatura's readability port and helpers (``trafilatura.external``, ``.settings``, ``.xml``): no public API
  runs readability alone; trafilatura is pinned in pyproject.toml.
- ``re._parser`` (``sre_parse`` before 3.11): the literal anchors of the appeal phrases; no public API parses
  a pattern. The standard library is pinned by the Python version, so its answers are tested here.
langdetect's factory and trafilatura's ``load_html`` are reached through their public names."""

import inspect
from importlib.metadata import version

from pipelines import lexicon, wrongblock

ARTICLE = ("<html><head><title>Harbour ferry returns after repairs</title></head><body>"
           "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Harbour ferry returns after "
           "repairs</h1>" + "".join(f"<p>The harbour ferry service resumed on Monday after {n + 2} weeks of repairs "
                                    "to the landing stage, the port authority said in a statement to reporters "
                                    "on the quay.</p>" for n in range(4))
           + "</article><footer>© Harbour News</footer></body></html>")


def test_trafilatura_is_the_pinned_release():
    assert version("trafilatura") == "2.3.1", "re-check wrongblock.readability_text against the new release"


def test_trafilaturas_readability_helpers_keep_their_signatures():
    from trafilatura.external import sanitize_tree, try_readability
    from trafilatura.settings import Extractor
    from trafilatura.xml import xmltotxt

    assert list(inspect.signature(try_readability).parameters) == ["htmlinput"]
    assert list(inspect.signature(sanitize_tree).parameters) == ["tree", "options"]
    assert list(inspect.signature(xmltotxt).parameters) == ["xmloutput", "include_formatting"]
    extractor = inspect.signature(Extractor).parameters
    assert {"comments", "url"} <= set(extractor) and all(extractor[k].kind is inspect.Parameter.KEYWORD_ONLY
                                                          for k in ("comments", "url"))


def test_the_readability_second_opinion_reads_a_page():
    from trafilatura import load_html

    text = wrongblock.readability_text(load_html(ARTICLE), "https://news.example/ferry")
    assert text.count("harbour ferry service resumed") == 4 and "Home" not in text


def test_pattern_anchors_from_the_regex_parser():
    assert lexicon._anchor("we have a small favor to ask") == "we have a small favor to ask"
    assert lexicon._anchor(r"support(ing)? (open|independent) journalism") == " journalism"
    assert lexicon._anchor(r"\bdonate\b.*\b(today|now)\b") == "donate"
    assert lexicon._anchor(r"(a|b)") == ""
    # Every appeal phrase's anchor is in its own plain-text form, so the cheap pass never rules a match out.
    for pattern in (p for patterns in lexicon.APPEALS.values() for p in patterns):
        anchor = lexicon._anchor(pattern)
        assert anchor in pattern.replace("\\b", ""), (anchor, pattern)


def test_language_detection_through_langdetects_public_factory():
    from langdetect import DetectorFactory, detect_langs

    from pipelines.language import detect_language

    text = ("The harbour ferry service resumed on Monday after two weeks of repairs to the landing stage, "
            "the port authority said in a statement.")
    code, probability, status = detect_language(text)
    DetectorFactory.seed = 0
    assert (code, status) == ("en", "ok") and detect_langs(text[:600])[0].lang == "en" and probability > 0.8
