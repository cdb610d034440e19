"""In-document dedupe: the repeats that are boilerplate (a paragraph pasted twice, the lede again, the text
extracted a second time from a hidden copy on the page, a teaser cut from a paragraph above), never the
repeats that are structure (recipe lines, "Monday. Rest day" rows, a recurring interview question, a pull
quote, a story the page itself prints twice).

Each rule marks ``reasons[i]`` of a paragraph no other rule took; ``pipelines.cleaning`` does the removing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipelines.textmeta import normalise, parse_date

if TYPE_CHECKING:
    from pipelines.signals import PageSignals

NEAR_DUP_MIN_WORDS = 12
LEDE_PARAGRAPHS = 2
# A hidden copy of the text (an app version, a closed tab) is a run of prose paragraphs repeated in the same
# order; structure repeats short lines between others ("Week 2", "Monday. Rest day", "Meal 1", a day's meals
# in a week's plan), and the run of long paragraphs breaks at each of them.
COPY_RUN_MIN_PARAGRAPHS = 3
COPY_RUN_MIN_WORDS = 50
TRUNCATED_MIN_WORDS = 6
_ELLIPSES = ("...", "…")
COPY_REASONS = frozenset({"duplicate-block", "duplicate-paragraph", "near-duplicate-paragraph"})


def mark_repeats(paragraphs: list[str], reasons: list[str | None], title_key: str = "") -> None:
    """The repeats of single paragraphs, after the other rules (a copy of a hidden block is marked before
    them: ``mark_hidden_copies``)."""
    mark_repeated_paragraphs(paragraphs, reasons, title_key)
    mark_truncated_copies(paragraphs, reasons)


def mark_hidden_copies(paragraphs: list[str], reasons: list[str | None], page: PageSignals,
                       evidence: dict[int, dict]) -> None:
    """A run of at least three prose paragraphs (each ≥ 12 words, 50 in all) that already stood, in the same
    order, further up, and that the page also holds in a hidden element (``display:none``, a closed tab):
    the text extracted twice, once from where the reader never sees it. Once such a prose run is found, the
    copy takes the lines around it that repeat in step and are hidden too (the copy's table rows, its
    subheadings). The later copy goes as ``duplicate-block``, before the position rules look for the
    article's end: a copy after it would hide the credit line or the appeal that ends the article. A copy the
    reader does see is left alone (a page that prints its story twice). ``evidence`` receives the signals of
    each removal."""
    kept = [i for i, reason in enumerate(reasons) if reason is None]
    keys = [normalise(paragraphs[i]) for i in kept]
    first: dict[str, int] = {}
    for pos, key in enumerate(keys):
        first.setdefault(key, pos)

    def in_step(original: int, copy: int) -> bool:
        return (0 <= original < copy < len(keys) and keys[original] == keys[copy]
                and reasons[kept[copy]] is None and page.hidden_copy(paragraphs[kept[copy]]))

    pos = 0
    while pos < len(keys):
        start, length = first[keys[pos]], 0
        while (start + length < pos and pos + length < len(keys)
               and keys[start + length] == keys[pos + length]
               and len(keys[pos + length].split()) >= NEAR_DUP_MIN_WORDS):
            length += 1
        core = range(pos, pos + length)
        if not (length >= COPY_RUN_MIN_PARAGRAPHS and sum(len(keys[k].split()) for k in core) >= COPY_RUN_MIN_WORDS
                and all(page.hidden_copy(paragraphs[kept[k]]) for k in core)):
            pos += 1
            continue
        before = 0
        while in_step(start - before - 1, pos - before - 1):
            before += 1
        while in_step(start + length, pos + length) and start + length < pos - before:
            length += 1
        run = range(pos - before, pos + length)
        for k in run:
            reasons[kept[k]] = "duplicate-block"
            evidence[kept[k]] = {"hidden_copy": True, "repeated_run": f"{len(run)} paragraphs"}
        pos += length


def mark_repeated_paragraphs(paragraphs: list[str], reasons: list[str | None], title_key: str = "") -> None:
    """A paragraph pasted twice in a row, and the lede (one of the first kept paragraphs, ≥ 12 words) repeated
    later word for word or inside another paragraph (a lede is a statement: a repeated question is an
    interview's structure). Of the lede and a longer paragraph containing it, the longer stays — unless the
    longer one is only the headline and the lede (a teaser of the article itself, in a list of recent posts):
    then the teaser goes."""
    kept: list[tuple[int, str]] = []
    for i, text in enumerate(paragraphs):
        if reasons[i]:
            continue
        key = normalise(text)
        if kept and key == kept[-1][1]:
            reasons[i] = "duplicate-paragraph"
            continue
        if len(key.split()) >= NEAR_DUP_MIN_WORDS and not is_question(text):
            padded = f" {key} "
            for j, lede in kept[:LEDE_PARAGRAPHS]:
                if key == lede:
                    reasons[i] = "duplicate-paragraph"
                elif padded in f" {lede} ":
                    reasons[i] = "near-duplicate-paragraph"
                elif len(lede.split()) >= NEAR_DUP_MIN_WORDS and f" {lede} " in padded:
                    if title_key and padded.replace(f" {lede} ", " ", 1).strip() == title_key:
                        reasons[i] = "near-duplicate-paragraph"  # headline + lede: a teaser of this article
                        break
                    reasons[j] = "near-duplicate-paragraph"
                    kept.remove((j, lede))
                    break
                if reasons[i]:
                    break
        if not reasons[i]:
            kept.append((i, key))


def mark_truncated_copies(paragraphs: list[str], reasons: list[str | None]) -> None:
    """A line cut off with an ellipsis whose words begin a paragraph further up ("Good morning! This is the
    news you need to..."): a teaser of that paragraph, not more text."""
    seen: list[str] = []
    for i, text in enumerate(paragraphs):
        if reasons[i]:
            continue
        key = normalise(text)
        if (text.rstrip().endswith(_ELLIPSES) and len(key.split()) >= TRUNCATED_MIN_WORDS
                and any(f"{earlier} ".startswith(f"{key} ") and earlier != key for earlier in seen)):
            reasons[i] = "near-duplicate-paragraph"
            continue
        seen.append(key)


def is_copy(reason: str | None) -> bool:
    """Removed as a copy of text that stays in the document: its words are not lost."""
    return reason in COPY_REASONS


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
