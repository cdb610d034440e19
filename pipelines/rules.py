"""Every reason a stage can give for removing text, in one table: the reason as it appears in a document's
``removed`` list, the modules that decide it, and what it removes.

Nothing reads this table at run time; docs/extraction.md is rendered from it (``make docs``) and
tests/test_docs.py fails when its rows and ``pipelines.verdicts.Reason`` differ, or a reason string the code
gives is not a ``Reason``. Which rule gives which reason, in which order, is ``pipelines.engine.RULES``.
"""

from __future__ import annotations

from typing import NamedTuple


class Rule(NamedTuple):
    reason: str
    modules: tuple[str, ...]
    removes: str


_LEXICON = ("lexicon", "line_rules")
_POSITION = ("edges", "signals")

RULES: tuple[Rule, ...] = (
    # Lexicon families (pipelines/lexicon.py FURNITURE and APPEALS, from the pipelines/lexicons/ files).
    Rule("navigation", (*_LEXICON, "edges"),
         "menu labels on short lines ('Latest news', 'Home', 'Все новости'); a link list off the article's topic"),
    Rule("read-more", _LEXICON, "'Read more', 'Read also: <headline>', 'Lesen Sie auch: …' cross-links (≤ 30 words)"),
    Rule("tags", _LEXICON, "'Tags: a, b, c' lines (kept as the document's `tags`)"),
    Rule("share", _LEXICON, "share and print buttons ('Share', 'Tweet', 'Поделиться')"),
    Rule("follow", _LEXICON, "calls to follow the site or join its messenger or video channel"),
    Rule("subscribe", _LEXICON, "newsletter and subscription asks, sign-up lines and their error messages"),
    Rule("advertisement", _LEXICON, "'Advertisement', 'Anzeige', 'Реклама' labels"),
    Rule("comments", _LEXICON, "comment-section labels ('Comments', 'Leave a comment')"),
    Rule("donate", (*_LEXICON, "edges"),
         "donation appeals, by their phrases or by their signals (the reader addressed, the publication's 'we', "
         "a money ask, off the article's topic or at its end)"),
    Rule("photo-credit", _LEXICON, "photo credit lines ('Photo: …', 'Фото: …')"),
    Rule("copyright", _LEXICON, "copyright and all-rights-reserved lines"),
    Rule("affiliate", _LEXICON, "shopping-link disclosures (the reader's purchase and the publisher's commission)"),
    Rule("cookies", _LEXICON, "cookie and consent banners"),
    # Not ours: shown by `extract --explain` only, never in a document's `removed`.
    Rule("trafilatura", ("extract",), "page blocks trafilatura's own extraction left out (`OUT [trafilatura]`)"),
    # Line rules (pipelines/line_rules.py, edges.py, textmeta.py, plaintext.py).
    Rule("photo-caption", ("line_rules",), "a caption ending in a credit ('… Press Service / TASS')"),
    Rule("byline", ("line_rules", "textmeta", "plaintext"),
         "'By Name', 'Автор: …', 'Von …' lines (kept as `author`, a date on them as `published`)"),
    Rule("category-timestamp", ("edges", "plaintext"),
         "timestamp lines at the article's head or tail (kept as `published` when htmldate found none)"),
    Rule("dateline", ("plaintext", "textmeta"), "a place-and-date line ('Baku, Azerbaijan, Nov. 16')"),
    Rule("credits", ("edges",), "staff credit lines at the article's foot ('Reporting by …; Editing by …')"),
    Rule("trailing-furniture", (*_POSITION, "lists"),
         "short non-sentences after the article's last line ('Latest', a lone '12 photos'); list rows stay"),
    Rule("leading-furniture", _POSITION, "short non-sentences before the article's first line"),
    Rule("junk", ("line_rules", "cleaning", "plaintext"),
         "lines no writer wrote: no words, a bare machine timestamp, an image's address"),
    Rule("title-repeat", ("line_rules", "repeats"), "the headline again at the top of the text (kept as `title`)"),
    # In-document copies (pipelines/repeats.py).
    Rule("duplicate-paragraph", ("repeats",), "a paragraph pasted twice in a row; the lede repeated word for word"),
    Rule("near-duplicate-paragraph", ("repeats",),
         "the lede inside another paragraph (the shorter goes), a teaser cut off with an ellipsis"),
    Rule("duplicate-block", ("repeats",), "a run of prose extracted a second time from a copy hidden on the page"),
    # Page signals (pipelines/signals.py, over the page's one parse).
    Rule("related-links", _POSITION, "lines that are ≥ 80 % link text in the tail run or off the article's topic"),
    Rule("furniture-container", _POSITION,
         "a paragraph inside <aside>, <nav>, a 'related'/'promo'/'newsletter' box, when its text agrees"),
    Rule("scored-boilerplate", ("scorer",),
         "what the fitted scorer (every signal above, weighted by fitting) finds boilerplate at or above its "
         "fitted threshold, among the lines no hand rule decided"),
    Rule("wrong-block", ("extract", "wrongblock"),
         "trafilatura's whole text when it is another block of the page (readability's reading used instead)"),
    # Site knowledge (learned from a site's own pages).
    Rule("site-template", ("template",),
         "lines in a region the site's pages show to be template (≥ 3 pages, ≥ 80 % recurring)"),
    Rule("site-boilerplate", ("dedupe", "template"),
         "a paragraph seen in ≥ N near-duplicate clusters of one site (NEWSINDEX_SITE_REPEAT_THRESHOLD)"),
    Rule("site-rule", ("extract",), "what a site's own `rules` in sources.yaml remove (CSS selectors, phrases)"),
    # Not a removal: a note of how the text was found.
    Rule("extractor", ("extract",), "nothing: notes that trafilatura found no main text and the visible text was read"),
)
