"""Every threshold of the cleaning rules, in one place: ``CleaningConfig``. A site may override any of them in
``sources.yaml`` (``rules: {thresholds: {off_topic: 0.15}}``); ``CleaningConfig.with_overrides`` checks the
names and ranges, so a typo is one line naming the key, not a silently ignored setting.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class CleaningConfig:
    # sizes of what a rule may take (words)
    furniture_max_words: int = 8  # a furniture phrase counts on a short line only (a label, a button)
    edge_max_words: int = 6  # a short non-sentence at the article's tail
    appeal_max_words: int = 80  # an appeal is a paragraph, not an essay
    one_phrase_appeal_max_words: int = 25  # one appeal phrase is enough in a paragraph this short
    credit_max_words: int = 40  # a credit line names a desk of reporters, not more
    read_also_max_words: int = 30  # a labelled cross-link or a channel call is a line, not a paragraph
    caption_max_words: int = 60  # a caption ending in its credit
    timestamp_max_words: int = 20  # a timestamp line at the edges
    leading_furniture_max_words: int = 2  # a stray word before the first line ("Video", "Home")
    # where the edges are
    edge_scan: int = 4  # lines looked at from the top
    byline_edge_lines: int = 3  # a name particle begins a byline only among the first or last lines
    # page and topic signals
    link_list_share: float = 0.8  # at least this much link text: a link, not prose
    container_link_share: float = 0.5  # inside a furniture container, enough link text to agree
    off_topic: float = 0.2  # at most this share of content words used elsewhere: another topic
    on_topic: float = 0.5  # at least this share: about the story
    # in-document copies
    near_dup_min_words: int = 12
    lede_paragraphs: int = 2
    copy_run_min_paragraphs: int = 3
    copy_run_min_words: int = 50
    truncated_min_words: int = 6
    list_min_rows: int = 3
    # the fitted scorer (pipelines/scorer.py): drop at or above this probability of boilerplate (None: the
    # threshold fitted with the weights)
    score_threshold: float | None = None
    # the recall-first guard: rules that would take more than this share of the words are what is wrong
    max_removed_share: float = 0.5
    min_guarded_words: int = 30  # ... of an article at least this long
    min_kept_whole_words: int = 5  # and nothing left of a text this long: all of it stays

    def with_overrides(self, overrides: dict | None, where: str = "thresholds") -> CleaningConfig:
        """A copy with ``overrides`` (name → value) applied; ValueError with one line for a wrong one."""
        if not overrides:
            return self
        if not isinstance(overrides, dict):
            raise ValueError(f"{where}: wants a mapping of threshold names to numbers")
        known = {f.name: f for f in fields(self)}
        changes = {}
        for name, value in overrides.items():
            if name not in known:
                raise ValueError(f"{where}: unknown threshold {name!r} (known: {', '.join(sorted(known))})")
            kind = int if known[name].type in (int, "int") else float
            if isinstance(value, bool) or not isinstance(value, (int, float)) or (kind is int and value != int(value)):
                raise ValueError(f"{where}: {name} wants {'a whole number' if kind is int else 'a number'}, "
                                 f"not {value!r}")
            if kind is float and not 0 <= value <= 1 or kind is int and not 0 <= value <= 10_000:
                raise ValueError(f"{where}: {name} = {value} is out of range "
                                 f"({'0-1' if kind is float else '0-10000'})")
            changes[name] = kind(value)
        return replace(self, **changes)


DEFAULT = CleaningConfig()
