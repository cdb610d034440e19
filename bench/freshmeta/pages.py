"""Fresh news article pages with human-style gold metadata (headline, authors, day of first publication).

These pages were written BLIND: from a short description of how news pages look on the real web (titles that
carry the site's name, kickers, bylines in many languages and shapes, photo credits and reviewers that are not
authors, datelines, "updated" labels, dated URLs, sidebar and comment dates), without reading the project's
extraction code, its metadata tests or its rules. Their gold is what a careful reader of the page would say;
nobody wrote rules next to them, which is why their figures are evidence.

About 80 pages from 12 invented publications (bench/freshmeta/pubs_a.py, pubs_b.py), each with its own
template, in 9 languages. Generation is deterministic (one seeded ``random.Random`` per publication), needs no
network, and writes ``<folder>/<publication>/<n>.html`` plus ``<folder>/gold.json``.

    python bench/freshmeta/pages.py /tmp/freshmeta     # write the pages and their gold
"""

from __future__ import annotations

import datetime as dt
import html
import json
import random
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    __package__ = "freshmeta"

from .texts import HEADLINES, MONTHS, NAMES, SENTENCES, WEEKDAYS  # noqa: E402

esc = html.escape


@dataclass
class Story:
    """One invented story: what the page shows, and what is true about it."""

    lang: str
    headline: str
    paragraphs: list[str]
    authors: list[str]
    published: dt.datetime
    modified: dt.datetime
    extra_people: list[str] = field(default_factory=list)  # photographers, reviewers, editors: not authors

    @property
    def slug(self) -> str:
        return slugify(self.headline)


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("ı", "i"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:70].rstrip("-")


def person(rng: random.Random, lang: str, taken: set[str] | None = None) -> str:
    firsts, lasts = NAMES[lang]
    taken = taken if taken is not None else set()
    while True:
        name = f"{rng.choice(firsts)} {rng.choice(lasts)}"
        if name not in taken:
            taken.add(name)
            return name


class Pool:
    """Headlines handed out without repeats within a publication group (drawn in a seeded order)."""

    def __init__(self, rng: random.Random, lang: str):
        self.items = list(HEADLINES[lang])
        rng.shuffle(self.items)

    def take(self) -> str:
        return self.items.pop()


def story(rng: random.Random, lang: str, pool: Pool, n_authors: int = 1, n_extra: int = 1,
          year: int | None = None) -> Story:
    taken: set[str] = set()
    authors = [person(rng, lang, taken) for _ in range(n_authors)]
    extra = [person(rng, lang, taken) for _ in range(n_extra)]
    start = dt.datetime(year or rng.choice([2023, 2024, 2025]), 1, 1, 6, 0)
    published = start + dt.timedelta(days=rng.randrange(0, 360), minutes=rng.randrange(0, 15 * 60))
    modified = published + dt.timedelta(days=rng.choice([0, 1, 1, 2, 3, 6, 14]), minutes=rng.randrange(30, 600))
    sentences = list(SENTENCES[lang])
    rng.shuffle(sentences)
    paragraphs, n_par = [], rng.randint(3, 8)
    while sentences and len(paragraphs) < n_par:  # each sentence once; one to three to a paragraph
        take = rng.randint(1, 3) if len(sentences) > 2 * (n_par - len(paragraphs)) else 1
        paragraphs.append(" ".join(sentences[:take]))
        del sentences[:take]
    return Story(lang, pool.take(), paragraphs, authors, published, modified, extra)


def long_date(d: dt.date, lang: str, weekday: bool = False) -> str:
    """The day as the page's language writes it out in full."""
    m = MONTHS[lang][d.month - 1]
    text = {"en": f"{m} {d.day}, {d.year}", "de": f"{d.day}. {m} {d.year}", "nl": f"{d.day} {m} {d.year}",
            "fr": f"{d.day} {m} {d.year}", "it": f"{d.day} {m} {d.year}", "pl": f"{d.day} {m} {d.year}",
            "tr": f"{d.day} {m} {d.year}", "es": f"{d.day} de {m} de {d.year}",
            "pt": f"{d.day} de {m} de {d.year}"}[lang]
    if weekday and lang in WEEKDAYS:
        wd = WEEKDAYS[lang][d.weekday()]
        text = f"{wd}, {text}" if lang != "fr" else f"{wd} {text}"
    return text


def num_date(d: dt.date, lang: str) -> str:
    """The day in the country's numeric form (03.03.2024, 03/03/2024, 03-03-2024, 3/3/2024)."""
    sep = {"de": ".", "pl": ".", "tr": ".", "nl": "-", "en": "/"}.get(lang, "/")
    if lang == "en":
        return f"{d.month}/{d.day}/{d.year}"
    return f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"


def hhmm(t: dt.datetime, lang: str) -> str:
    if lang == "en":
        return t.strftime("%I:%M %p").lstrip("0").replace("AM", "a.m.").replace("PM", "p.m.")
    if lang in ("fr", "pt"):
        return f"{t.hour}h{t.minute:02d}"
    return f"{t.hour:02d}:{t.minute:02d}"


def iso(t: dt.datetime, offset: str = "+01:00") -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%S") + offset


def jsonld(data: dict | list) -> str:
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


def meta(prop: str, value: str, attr: str = "property") -> str:
    return f'<meta {attr}="{prop}" content="{esc(value)}">'


def body_html(s: Story, skip: int = 0, tag: str = "p") -> str:
    """The story's paragraphs, less the first ``skip`` (a lead the template shows apart)."""
    return "\n".join(f"<{tag}>{esc(p)}</{tag}>" for p in s.paragraphs[skip:])


def nav(items: list[str], cls: str = "nav") -> str:
    links = "".join(f'<li><a href="/{slugify(i)}/">{esc(i)}</a></li>' for i in items)
    return f'<nav class="{cls}"><ul>{links}</ul></nav>'


def related(rng: random.Random, s: Story, pool: list[str], title: str, dated: bool = True, n: int = 4) -> str:
    """A sidebar of other stories, some of them with their own (other) days."""
    rows = []
    for h in rng.sample(pool, min(n, len(pool))):
        when = s.published.date() - dt.timedelta(days=rng.randrange(1, 40))
        stamp = f' <time datetime="{when.isoformat()}">{long_date(when, s.lang)}</time>' if dated else ""
        rows.append(f'<li><a href="/news/{slugify(h)}">{esc(h)}</a>{stamp}</li>')
    return f'<aside class="related"><h3>{esc(title)}</h3><ul>{"".join(rows)}</ul></aside>'


COMMENT_WORDS = {"en": "Great reporting, thanks.", "de": "Endlich tut sich was.", "fr": "Il était temps !",
                 "es": "Ya era hora.", "it": "Era ora!", "pl": "Najwyższy czas.", "pt": "Já não era sem tempo.",
                 "nl": "Eindelijk!", "tr": "Nihayet."}


def comments(rng: random.Random, s: Story, title: str, n: int = 3) -> str:
    """Readers' comments, each dated after the story."""
    rows = []
    for _ in range(n):
        when = s.published + dt.timedelta(days=rng.randrange(0, 9), hours=rng.randrange(1, 20))
        who = person(rng, s.lang)
        rows.append(f'<li class="comment"><b>{esc(who.split()[0])}</b> <time datetime="{iso(when)}">'
                    f'{num_date(when.date(), s.lang)} {hhmm(when, s.lang)}</time><p>{COMMENT_WORDS[s.lang]}</p></li>')
    return f'<section class="comments"><h3>{esc(title)}</h3><ol>{"".join(rows)}</ol></section>'


def footer(site: str, year: int, extra: str = "") -> str:
    return (f'<footer><p>© {year} {esc(site)}. {extra}</p><ul><li><a href="/impressum">Impressum / About</a></li>'
            f'<li><a href="/privacy">Privacy</a></li><li><a href="/contact">Contact</a></li></ul></footer>')


def document(lang: str, head: list[str], body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            + "\n".join(h for h in head if h) + f"\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def gold(s: Story, authors: list[str] | None = None, published: dt.date | None | bool = True) -> dict:
    """The page's gold: the headline, the people who wrote it, the day it was first published."""
    day = s.published.date() if published is True else published or None
    return {"title": s.headline, "author": list(s.authors if authors is None else authors),
            "published": day.isoformat() if day else None}


def publications() -> list[tuple[str, str, object]]:
    """(name, language, page function) of every publication; a page function takes (rng, pool, n)."""
    from . import pubs_a, pubs_b

    return pubs_a.PUBLICATIONS + pubs_b.PUBLICATIONS


def build(folder: Path, per_pub: int = 7) -> list[dict]:
    """Write every page and gold.json into ``folder``; the gold entries (key, publication, url, file, …)."""
    folder = Path(folder)
    entries = []
    for name, lang, page in publications():
        rng = random.Random(f"freshmeta-{name}")
        pool = Pool(rng, lang)
        (folder / name).mkdir(parents=True, exist_ok=True)
        for n in range(min(per_pub, len(HEADLINES[lang]))):
            url, text, truth = page(rng, pool, n)
            path = folder / name / f"{n}.html"
            path.write_text(text, encoding="utf-8")
            entries.append({"key": f"{name}/{n}", "publication": name, "lang": lang, "url": url,
                            "file": f"{name}/{n}.html"} | truth)
    (folder / "gold.json").write_text(json.dumps(entries, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return entries


if __name__ == "__main__":
    out = build(Path(sys.argv[1] if len(sys.argv) > 1 else "freshmeta-pages"))
    print(f"{len(out)} pages")
