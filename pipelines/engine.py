"""The cleaning rules as one table: each rule's name, the phase it judges in, the languages it covers, what it
gives (drop reasons or keep reasons) and the thresholds it reads (``pipelines.thresholds``). The table's order
is the precedence: a rule decides only the paragraphs no earlier rule decided, and a keep is as final as a
drop — except where a rule's row says which earlier verdicts it may overturn (``overrides``: the colon rule
takes back lines dropped for their position only).

docs/extraction.md's rule table is rendered from ``RULES`` (``make docs``); ``extract --explain`` names the
rule of each verdict; ``run(article, disabled=…)`` leaves rules out, for the ablation table
(``bench/eval_ablation.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from pipelines import edges, line_rules, repeats, scorer
from pipelines.paragraphs import Article, Paragraph
from pipelines.verdicts import Keep, Reason


class Phase(StrEnum):
    LINE = "line"  # each paragraph by itself
    COPY = "copy"  # the page's hidden copies of the text
    TAIL = "tail"  # the run at the article's end
    HEAD = "head"  # the run at its top
    CONTEXT = "context"  # a paragraph among its neighbours, the article's topic, its page container
    SCORE = "score"  # the fitted combination of every signal
    REPEAT = "repeat"  # copies of paragraphs inside the article


@dataclass(frozen=True)
class Rule:
    name: str
    phase: Phase
    gives: tuple[Reason | Keep, ...]
    thresholds: tuple[str, ...] = ()
    # "page": the lexicons of the page's declared language(s), English's and the universal one (every lexicon when
    # it declares none or one without a file); "any": the rule reads no lexicon, or every one (bylines, dates)
    languages: str = "page"
    overrides: frozenset[Reason] = frozenset()
    line: Callable[[Paragraph, Article], Reason | None] | None = None  # a LINE rule's test of one paragraph
    apply: Callable[[Article], None] | None = None  # every other rule's pass over the article
    doc: str = ""  # one line for the rendered table; the function's docstring says the rest


_FURNITURE = tuple(Reason(f) for f in ("navigation", "read-more", "tags", "share", "follow", "subscribe",
                                       "advertisement", "comments", "donate", "photo-credit", "copyright"))
_APPEALS = (Reason.DONATE, Reason.SUBSCRIBE, Reason.AFFILIATE, Reason.COOKIES, Reason.COPYRIGHT)
_LIST_KEEPS = (Keep.LIST_ROW, Keep.LETTER_CLOSING, Keep.SECTION_HEADING)

RULES: tuple[Rule, ...] = (
    Rule("title-repeat", Phase.LINE, (Reason.TITLE_REPEAT,), languages="any", line=line_rules.title_repeat,
         doc="the headline again at the top of the text"),
    Rule("junk", Phase.LINE, (Reason.JUNK,), languages="any", line=line_rules.junk,
         doc="no words, a bare machine timestamp, an image address"),
    Rule("furniture", Phase.LINE, _FURNITURE, ("furniture_max_words",), line=line_rules.furniture,
         doc="a furniture phrase on a short line"),
    Rule("appeal", Phase.LINE, _APPEALS, ("one_phrase_appeal_max_words",), line=line_rules.appeal,
         doc="two appeal phrases, or one in a short paragraph outside quotes"),
    Rule("read-also", Phase.LINE, (Reason.READ_MORE, Reason.FOLLOW), ("read_also_max_words",),
         line=line_rules.read_also,
         doc="a labelled cross-link, a call to join the site channel"),
    Rule("photo-caption", Phase.LINE, (Reason.PHOTO_CAPTION,), ("caption_max_words",), languages="any",
         line=line_rules.photo_caption,
         doc="a caption ending in its credit"),
    Rule("byline", Phase.LINE, (Reason.BYLINE,), ("byline_edge_lines",), languages="any", line=line_rules.byline,
         doc="a byline (a name particle only at the edges)"),
    Rule("hidden-copy", Phase.COPY, (Reason.DUPLICATE_BLOCK,),
         ("near_dup_min_words", "copy_run_min_paragraphs", "copy_run_min_words"), languages="any",
         apply=repeats.hidden_copies,
         doc="prose extracted a second time from a copy the reader never sees"),
    Rule("tail-run", Phase.TAIL,
         (Reason.RELATED_LINKS, Reason.CREDITS, Reason.CATEGORY_TIMESTAMP, Reason.TRAILING_FURNITURE,
          *_APPEALS[:2], *_LIST_KEEPS),
         ("read_also_max_words", "off_topic", "on_topic", "link_list_share", "credit_max_words",
          "timestamp_max_words", "edge_max_words", "list_min_rows", "appeal_max_words"), apply=edges.tail_run,
         doc="the run of furniture, links and appeals after the article, up to a list row, a closing or a heading"),
    Rule("colon-list", Phase.TAIL, (Keep.INTRODUCED,), languages="any",
         overrides=frozenset({Reason.TRAILING_FURNITURE}), apply=edges.introduced_by_colon,
         doc="the short lines the last line introduces with a colon come back"),
    Rule("head-run", Phase.HEAD, (Reason.CATEGORY_TIMESTAMP, Reason.LEADING_FURNITURE, Reason.NAVIGATION),
         ("edge_scan", "timestamp_max_words", "leading_furniture_max_words", "edge_max_words", "off_topic",
          "link_list_share"), languages="any", apply=edges.head_run,
         doc="stray lines and off-topic links before the first sentence"),
    Rule("appeal-neighbours", Phase.CONTEXT, (Reason.DONATE,), ("appeal_max_words",),
         apply=edges.appeal_neighbours,
         doc="a reader appeal next to an appeal"),
    Rule("off-topic-appeal", Phase.CONTEXT, (Reason.DONATE,), ("appeal_max_words", "off_topic"),
         apply=edges.off_topic_appeals,
         doc="a money or sign-up appeal off the article topic, anywhere"),
    Rule("furniture-container", Phase.CONTEXT, (Reason.FURNITURE_CONTAINER,),
         ("appeal_max_words", "off_topic", "container_link_share"), apply=edges.furniture_containers,
         doc="a line of a furniture container when its text agrees"),
    Rule("scorer", Phase.SCORE, (Reason.SCORED,), ("score_threshold",), apply=scorer.score_open,
         doc="the fitted combination of every signal, over what the hand rules left open"),
    Rule("repeats", Phase.REPEAT, (Reason.DUPLICATE_PARAGRAPH, Reason.NEAR_DUPLICATE_PARAGRAPH),
         ("near_dup_min_words", "lede_paragraphs", "truncated_min_words"), languages="any",
         apply=lambda a: (repeats.repeated_paragraphs(a), repeats.truncated_copies(a)),
         doc="a paragraph pasted twice, the lede repeated, a teaser cut off with an ellipsis"),
)
RULE_NAMES = tuple(rule.name for rule in RULES)


def line_verdict(p: Paragraph, a: Article, disabled: frozenset[str] = frozenset()) -> tuple[str, Reason] | None:
    """The first LINE rule that drops paragraph ``p``: (rule name, reason), or None."""
    for rule in _LINE_RULES:
        if rule.name not in disabled and (reason := rule.line(p, a)):
            return rule.name, reason
    return None


_LINE_RULES = tuple(rule for rule in RULES if rule.phase is Phase.LINE)


def run(a: Article, disabled: frozenset[str] = frozenset(), shipped: bool = True) -> Article:
    """Every rule of the table, in its order, over the article's open paragraphs. The hand rules the shipped
    scorer replaces (its weights' ``replaces``: measured worse than it on held-out pages) are left out while
    it runs; ``shipped=False`` (fitting) leaves that to ``disabled``."""
    if shipped and "scorer" not in disabled:
        disabled = disabled | scorer.replaced_rules()
    for p in a.paragraphs:
        if found := line_verdict(p, a, disabled):
            a.drop(p.index, found[1], found[0])
    for rule in RULES:
        if rule.phase is not Phase.LINE and rule.name not in disabled:
            rule.apply(a)
    return a
