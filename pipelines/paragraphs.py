"""The typed input of the rule engine: an ``Article`` of ``Paragraph``s, with what rules ask of them (words, the
page block each came from, the article's topic) computed once and only when asked, and one ``Verdict`` slot a
paragraph. A rule decides only an open paragraph; a keep verdict is final, like a drop.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from pipelines.lexicon import QUOTED, Lexicon, for_languages
from pipelines.signals import BlockSignals, Topic, content_words
from pipelines.textmeta import normalise, word_count
from pipelines.thresholds import DEFAULT, CleaningConfig
from pipelines.verdicts import Keep, Reason, Verdict

if TYPE_CHECKING:
    from pipelines.signals import PageSignals


PROSE_WORDS = 20  # a paragraph this long is prose: the body runs from the first such one to the last


@dataclass
class Paragraph:
    index: int
    text: str
    inside_body: bool = False  # not among the first or last lines (where bylines and furniture stand)

    @cached_property
    def words(self) -> int:
        return word_count(self.text)

    @cached_property
    def lowered(self) -> str:
        return self.text.lower()

    @cached_property
    def unquoted(self) -> str:
        """Lower-cased, quoted spans blanked: words in quotation marks are someone else's (reported speech)."""
        return QUOTED.sub(" ", self.text).lower()

    @cached_property
    def key(self) -> str:
        return normalise(self.text)


@dataclass
class Article:
    texts: list[str]
    title: str | None = None
    page: PageSignals | None = None
    config: CleaningConfig = DEFAULT
    languages: frozenset[str] | None = None  # the page's declared language(s): which lexicons run
    paragraphs: list[Paragraph] = field(init=False)
    verdicts: list[Verdict | None] = field(init=False)

    def __post_init__(self) -> None:
        edge = self.config.byline_edge_lines
        inside = range(edge, len(self.texts) - edge)
        self.paragraphs = [Paragraph(i, text, i in inside) for i, text in enumerate(self.texts)]
        self.verdicts = [None] * len(self.texts)

    def __len__(self) -> int:
        return len(self.paragraphs)

    @cached_property
    def title_key(self) -> str:
        return normalise(self.title) if self.title else ""

    @cached_property
    def lexicon(self) -> Lexicon:
        return for_languages(self.languages)

    @cached_property
    def topic(self) -> Topic:
        return Topic(self.texts, self.title)

    @cached_property
    def title_words(self) -> set[str]:
        return content_words(self.title or "")

    @cached_property
    def prose_span(self) -> tuple[int, int] | None:
        """The first and last paragraph of PROSE_WORDS words or more (the article's body), or None."""
        long_ones = [p.index for p in self.paragraphs if p.words >= PROSE_WORDS]
        return (long_ones[0], long_ones[-1]) if long_ones else None

    def overlap(self, i: int) -> float | None:
        return self.topic.overlap(i)

    def block(self, i: int) -> BlockSignals | None:
        """The page block paragraph i came from (None without a page, or when no block has its words)."""
        return self.page.of(self.texts[i]) if self.page is not None else None

    # verdicts
    def is_open(self, i: int) -> bool:
        return self.verdicts[i] is None

    def reason(self, i: int) -> Reason | None:
        verdict = self.verdicts[i]
        return verdict.drop if verdict is not None else None

    def dropped(self, i: int) -> bool:
        verdict = self.verdicts[i]
        return verdict is not None and verdict.drop is not None

    def drop(self, i: int, reason: Reason, rule: str, signals: dict | None = None) -> None:
        self.verdicts[i] = Verdict(rule, drop=reason, signals=signals or {})

    def keep(self, i: int, why: Keep, rule: str) -> None:
        self.verdicts[i] = Verdict(rule, keep=why)

    def standing(self) -> list[int]:
        """The paragraphs no rule dropped (open or kept), in order."""
        return [i for i in range(len(self)) if not self.dropped(i)]
