"""Lists at an article's tail: the short lines after its last line are furniture by position ("Latest",
"Share"), unless they are the last rows of a list the article holds — table rows, numbered items, quantities,
labelled steps — or a letter's closing that runs on (what the last line introduces with a colon:
``pipelines.edges.introduced_by_colon``)."""

from __future__ import annotations

import re
from collections import Counter

from pipelines.textmeta import word_count
from pipelines.thresholds import DEFAULT

_NUMBERED = re.compile(r"^\d{1,3}[.)]\s+\S")
# "1/2 teaspoon fine salt", "2 cans white beans", "½ cup milk": a quantity, then a word (an ingredient list)
_QUANTITY = re.compile(r"^(?:\d+(?:[/.,]\d+)?(?:\s*-\s*\d+(?:[/.,]\d+)?)?\s|[½¼¾⅓⅔⅛]\s*)[^\W\d_]")
# "Step 4 (Add r): horror", "Schritt 4:", "Шаг 4.", "Día 3": one word and a number (steps, days, rounds)
_LABEL_NUMBER = re.compile(r"^([^\W\d_]{2,})\s+\d{1,3}\b")


def list_shapes(paragraphs: list[str]) -> Counter:
    """How many lines of the article have each list shape."""
    return Counter(shape for shape in map(list_shape, paragraphs) if shape)


def runs_on(line: str) -> bool:
    """A line that ends in a comma runs on into the next: a letter's closing ("With the sincerest esteem,",
    "Mit freundlichen Grüßen,"), a verse's line; furniture does not end that way."""
    return line.rstrip().endswith(",") and word_count(line) >= 2


def list_row(paragraphs: list[str], i: int, shapes: Counter, min_rows: int = DEFAULT.list_min_rows) -> bool:
    """Line i is a row of a list the article holds: a table row or a numbered item with two others of its
    shape in the article; a labelled step or a quantity right under two lines of its shape (of the three
    above: an ingredient may wrap onto a second line)."""
    shape = list_shape(paragraphs[i])
    if shape is None:
        return False
    if shape[0] in ("label", "quantity"):
        return sum(list_shape(line) == shape for line in paragraphs[max(0, i - 3):i]) >= 2
    return shapes.get(shape, 0) >= min_rows


def list_shape(line: str) -> tuple | None:
    """The shape a line shares with the other rows of its list: a table row ("a | b | c", as trafilatura
    writes one) of three cells or more, by their number, a numbered item ("3. …", "12) …"), a labelled step
    ("Step 4 …", by its label), a quantity ("1/2 teaspoon …")."""
    separators = line.count(" | ")
    if separators >= 2:  # three cells or more: "Source | agency" is a credit line, not a table
        return ("row", separators)
    if _NUMBERED.match(line):
        return ("numbered",)
    if label := _LABEL_NUMBER.match(line):
        return ("label", label.group(1).casefold())
    if _QUANTITY.match(line):
        return ("quantity",)
    return None
