"""Figure captions trafilatura leaves out are put back where they stand (pipelines.captions); their credits
become lines of their own, which the cleaning then removes as credits."""

import pytest

from pipelines.extract import extract_html

INTRO = ("Thousands of visitors lined the quaysides over the weekend as more than twenty tall ships moored in the "
         "marina for the first maritime festival in five years, and crews opened their decks to the public.")
CAPTIONS = ["The Dutch three-master glides past the barrier shortly after sunrise on the first morning.",
            "Sea cadets climb the rigging of the brig during a training exercise in the outer harbour.",
            "Families queue along the waterfront for a chance to tour the Norwegian schooner."]
OUTRO = "More pictures from the festival follow next week."


def gallery(credit_markup: str = '<span class="credit">Photograph: Sam Okafor</span>') -> str:
    figures = "".join(f'<figure><img src="/p{i}.jpg" alt=""><figcaption><span>{c}</span> {credit_markup}'
                      "</figcaption></figure>" for i, c in enumerate(CAPTIONS))
    return (f"<html><head><title>In pictures: tall ships return</title></head><body><article>"
            f"<h1>In pictures: tall ships return</h1><figure><img src='/lead.jpg'><figcaption>A lead picture of "
            f"the marina at dawn, taken from the lighthouse.</figcaption></figure><p>{INTRO}</p>{figures}"
            f"<p>{OUTRO}</p></article><aside><figure><img src='/ad.jpg'><figcaption>Another story's teaser "
            "picture in the sidebar of the page.</figcaption></figure></aside></body></html>")


@pytest.mark.parametrize("credit", ['<span class="credit">Photograph: Sam Okafor</span>',
                                    '<span class="css-ds4m7h">Foto: Sam Okafor</span>'])
def test_gallery_captions_are_the_story_and_their_credits_go(credit):
    doc = extract_html(gallery(credit), "https://paper.example/gallery")
    paragraphs = doc["paragraphs"]
    assert [p for p in paragraphs if p in CAPTIONS] == CAPTIONS  # each caption, in its place
    assert paragraphs.index(CAPTIONS[0]) > paragraphs.index(INTRO) and paragraphs.index(OUTRO) > paragraphs.index(
        CAPTIONS[-1])
    assert not any("Sam Okafor" in p for p in paragraphs)
    assert paragraphs[0].startswith("A lead picture")  # under the headline, above the first line
    assert not any("sidebar" in p for p in paragraphs)  # outside the article's run: left out


def test_an_articles_photo_captions_stay_out_as_trafilatura_leaves_them():
    """Three captions in a long article are not its story (AEB's golds leave them out)."""
    prose = "".join(f"<p>{INTRO} Paragraph {i} adds its own facts and figures to the story.</p>" for i in range(2))
    doc = extract_html(gallery().replace(f"<p>{OUTRO}</p>", prose + f"<p>{OUTRO}</p>"), "https://paper.example/a")
    assert not set(CAPTIONS) & set(doc["paragraphs"])


def test_a_caption_already_in_the_text_is_not_added_twice():
    html = gallery().replace("</article>", f"<p>{CAPTIONS[1]}</p></article>")
    doc = extract_html(html, "https://paper.example/gallery")
    assert doc["paragraphs"].count(CAPTIONS[1]) == 1
