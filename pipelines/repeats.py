"""In-document dedupe: the repeats that are boilerplate (a paragraph pasted twice, the lede again, the text
extracted a second time from a hidden copy on the page, a teaser cut from a paragraph above), never the
repeats that are structure (recipe lines, "Monday. Rest day" rows, a recurring interview question, a pull
quote, a story the page itself prints twice).

Each rule drops, through the ``Article``, a paragraph no other rule decided; the engine's table
(``pipelines.engine``) runs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipelines.textmeta import parse_date
from pipelines.verdicts import COPIES, Reason

if TYPE_CHECKING:
    from pipelines.paragraphs import Article

_ELLIPSES = ("...", "…")


def hidden_copies(a: Article) -> None:
    """A run of at least three prose paragraphs (each ≥ 12 words, 50 in all) that already stood, in the same
    order, further up, and that the page also holds in a hidden element (``display:none``, a closed tab):
    the text extracted twice, once from where the reader never sees it. Once such a prose run is found, the
    copy takes the lines around it that repeat in step and are hidden too (the copy's table rows, its
    subheadings). The later copy goes as ``duplicate-block``, before the position rules look for the
    article's end: a copy after it would hide the credit line or the appeal that ends the article. A copy the
    reader does see is left alone (a page that prints its story twice)."""
    page, config = a.page, a.config
    if page is None:
        return
    kept = [i for i in range(len(a)) if a.is_open(i)]
    keys = [a.paragraphs[i].key for i in kept]
    first: dict[str, int] = {}
    for pos, key in enumerate(keys):
        first.setdefault(key, pos)

    def in_step(original: int, copy: int) -> bool:
        return (0 <= original < copy < len(keys) and keys[original] == keys[copy]
                and a.is_open(kept[copy]) and page.hidden_copy(a.texts[kept[copy]]))

    pos = 0
    while pos < len(keys):
        start, length = first[keys[pos]], 0
        while (start + length < pos and pos + length < len(keys)
               and keys[start + length] == keys[pos + length]
               and len(keys[pos + length].split()) >= config.near_dup_min_words):
            length += 1
        core = range(pos, pos + length)
        if not (length >= config.copy_run_min_paragraphs
                and sum(len(keys[k].split()) for k in core) >= config.copy_run_min_words
                and all(page.hidden_copy(a.texts[kept[k]]) for k in core)):
            pos += 1
            continue
        before = 0
        while in_step(start - before - 1, pos - before - 1):
            before += 1
        while in_step(start + length, pos + length) and start + length < pos - before:
            length += 1
        run = range(pos - before, pos + length)
        for k in run:
            a.drop(kept[k], Reason.DUPLICATE_BLOCK, "hidden-copy",
                   {"hidden_copy": True, "repeated_run": f"{len(run)} paragraphs"})
        pos += length


def repeated_paragraphs(a: Article) -> None:
    """A paragraph pasted twice in a row, and the lede (one of the first kept paragraphs, ≥ 12 words) repeated
    later word for word or inside another paragraph (a lede is a statement: a repeated question is an
    interview's structure). Of the lede and a longer paragraph containing it, the longer stays — unless the
    longer one is only the headline and the lede (a teaser of the article itself, in a list of recent posts):
    then the teaser goes."""
    config, title_key = a.config, a.title_key
    kept: list[tuple[int, str]] = []
    for i, p in enumerate(a.paragraphs):
        if a.dropped(i):
            continue
        key = p.key
        if not a.is_open(i):  # kept by a rule: it stands, and later copies of it go
            kept.append((i, key))
            continue
        if kept and key == kept[-1][1]:
            a.drop(i, Reason.DUPLICATE_PARAGRAPH, "repeats")
            continue
        if len(key.split()) >= config.near_dup_min_words and not is_question(p.text):
            padded = f" {key} "
            for j, lede in kept[:config.lede_paragraphs]:
                if key == lede:
                    a.drop(i, Reason.DUPLICATE_PARAGRAPH, "repeats")
                elif padded in f" {lede} ":
                    a.drop(i, Reason.NEAR_DUPLICATE_PARAGRAPH, "repeats")
                elif len(lede.split()) >= config.near_dup_min_words and f" {lede} " in padded:
                    if title_key and padded.replace(f" {lede} ", " ", 1).strip() == title_key:
                        # headline + lede: a teaser of this article
                        a.drop(i, Reason.NEAR_DUPLICATE_PARAGRAPH, "repeats")
                        break
                    if a.is_open(j):
                        a.drop(j, Reason.NEAR_DUPLICATE_PARAGRAPH, "repeats")
                        kept.remove((j, lede))
                        break
                if a.dropped(i):
                    break
        if not a.dropped(i):
            kept.append((i, key))


def truncated_copies(a: Article) -> None:
    """A line cut off with an ellipsis whose words begin a paragraph further up ("Good morning! This is the
    news you need to..."): a teaser of that paragraph, not more text."""
    seen: list[str] = []
    for i, p in enumerate(a.paragraphs):
        if a.dropped(i):
            continue
        key = p.key
        if (a.is_open(i) and p.text.rstrip().endswith(_ELLIPSES) and len(key.split()) >= a.config.truncated_min_words
                and any(f"{earlier} ".startswith(f"{key} ") and earlier != key for earlier in seen)):
            a.drop(i, Reason.NEAR_DUPLICATE_PARAGRAPH, "repeats")
            continue
        seen.append(key)


def is_copy(reason: str | None) -> bool:
    """Removed as a copy of text that stays in the document: its words are not lost."""
    return reason in COPIES


def is_question(text: str) -> bool:
    return text.rstrip().rstrip("\"'”»’“«").endswith(("?", "？", "¿"))


def repeats_title(key: str, title_key: str) -> bool:
    """The headline again, alone or with a count or a date glued on ("… Toolbox 524", "… 9 December 2011");
    a headline that says more than the title ("… Range Rover History") is not a repeat: its words would be
    lost."""
    if key == title_key:
        return True
    if not key.startswith(f"{title_key} "):
        return False
    rest = key[len(title_key):].strip()
    return len(rest.split()) <= 3 and (rest.replace(" ", "").isdigit() or parse_date(rest) is not None)
