"""Metadata accuracy on wcxb_dev's article pages (human-reviewed title, author, published): newsindex against
trafilatura ``bare_extraction(with_metadata=True, include_comments=False)`` on the same pages, in one run.

Figures per half: ``tuning`` (even page numbers: the pages rules were written next to) and ``held-out`` (odd
page numbers: never looked at while writing rules; the figure that counts).

    python bench/eval_metadata.py                 # writes bench/results/eval-metadata.json
    python bench/eval_metadata.py --show title --half tuning   # the misses, to read
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
import unicodedata
from concurrent.futures import ProcessPoolExecutor

from common import load_set, write_result

FIELDS = ("title", "author", "published")
SYSTEMS = ("trafilatura", "newsindex")

# Gold authors keep credentials and roles after a comma ("Dylan Bailey, MS, RD, FAND", "Mayank Gupta, CEO of
# CaseBasix", "Mike Marshall, Shipping Expert"): not names. Left out of both sides' sets alike, by this bench's
# own small table (not the pipeline's), so that neither system is scored on them.
_CREDENTIAL = re.compile(r"^(?:[A-Z]{2,6}®?|Ph\.?\s?D\.?|M\.?D\.?|Jr\.?|Sr\.?|[A-Z]\.[A-Z]\.)$")
_ROLE = re.compile(r"\b(?:ceo|cto|founder|president|director|manager|editor|reporter|writer|expert|dietitian|"
                   r"consultant|officer|head|representative|specialist)\b", re.IGNORECASE)
_HONORIFIC = re.compile(r"^(?:dr|mr|mrs|ms|prof)\.?\s+", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:;|,|\band\b|&|\|)\s*")


def norm_text(value: str | None) -> str:
    """Equal up to Unicode form, case, spacing and quote/dash style."""
    text = unicodedata.normalize("NFKC", value or "")
    text = text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"}))
    return " ".join(text.split()).casefold().strip(" .")


def norm_authors(value: str | list[str] | None) -> frozenset[str]:
    """A set of names: split on the separators a list of names uses, credentials left out."""
    parts = value if isinstance(value, list) else _NAME_SPLIT.split(value or "")
    names = set()
    for part in parts:
        for piece in (_NAME_SPLIT.split(part) if isinstance(value, list) else [part]):
            piece = piece.strip()
            if piece and not _CREDENTIAL.match(piece) and not _ROLE.search(piece):
                names.add(norm_text(_HONORIFIC.sub("", piece)).replace(".", ""))
    return frozenset(names)


def same(field: str, gold, found) -> bool:
    if field == "title":
        return norm_text(gold) == norm_text(found)
    if field == "author":
        return norm_authors(gold) == norm_authors(found)
    return (gold or "")[:10] == (found or "")[:10]


def page_answers(args: tuple[str, str | None, bytes]) -> tuple[str, dict, dict]:
    """(key, trafilatura's, newsindex's) title, author and published of one page; {} for a side that found
    no article."""
    import trafilatura

    from pipelines.base import StageError
    from pipelines.decode import DecodeStage
    from pipelines.extract import ExtractStage

    logging.disable(logging.WARNING)
    key, url, html = args
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    theirs = {"title": doc.title, "author": doc.author, "published": doc.date} if doc else {}
    item = {"source": f"{key}.html", "url": url, "body": html, "content_type": "text/html", "key": key}
    try:
        item = ExtractStage().process(DecodeStage().process(item))
        ours = {"title": item.get("title"), "author": item.get("author") or [], "published": item.get("published")}
    except StageError:  # no article found: no metadata either (a crash is a crash, not a miss)
        ours = {}
    return key, theirs, ours


def run(jobs: int, limit: int = 0) -> tuple[dict, dict[str, dict[str, dict]]]:
    truth, pages = load_set("wcxb_dev", limit)
    articles = {k: v for k, v in truth.items() if v.get("page_type") == "article"}
    work = [(key, articles[key].get("url"), pages[key]) for key in sorted(articles)]
    found: dict[str, dict[str, dict]] = {system: {} for system in SYSTEMS}
    with ProcessPoolExecutor(jobs) as pool:
        for done, (key, theirs, ours) in enumerate(pool.map(page_answers, work, chunksize=8), 1):
            found["trafilatura"][key], found["newsindex"][key] = theirs, ours
            if done % 200 == 0:
                print(f"  {done}/{len(work)} pages", file=sys.stderr, flush=True)
    return articles, found


def half_of(key: str) -> str:
    return "tuning" if int(key) % 2 == 0 else "held-out"


def page_hits(articles: dict, found: dict[str, dict[str, dict]]) -> dict[str, dict[str, int]]:
    """Per field, per page with a gold value: 1 when newsindex has it right (what the evaluation gate pins)."""
    return {field: {k: int(same(field, articles[k][field], found["newsindex"][k].get(field)))
                    for k in sorted(articles) if articles[k].get(field)} for field in FIELDS}


def score(articles: dict, found: dict[str, dict[str, dict]]) -> dict:
    """Per half, per field: pages with a gold value, and each system's exact matches among them."""
    out: dict = {}
    for half in ("tuning", "held-out"):
        rows = {}
        for field in FIELDS:
            keys = [k for k in articles if half_of(k) == half and articles[k].get(field)]
            rows[field] = {"pages": len(keys)} | {
                system: round(sum(same(field, articles[k][field], found[system][k].get(field)) for k in keys)
                              / max(len(keys), 1), 4) for system in SYSTEMS}
        # Pages whose gold names nobody: the share where a system names nobody either (false authors cost here).
        keys = [k for k in articles if half_of(k) == half and not articles[k].get("author")]
        rows["no author"] = {"pages": len(keys)} | {
            system: round(sum(not found[system][k].get("author") for k in keys) / max(len(keys), 1), 4)
            for system in SYSTEMS}
        out[half] = rows
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--show", choices=FIELDS, help="print the newsindex misses of one field")
    parser.add_argument("--half", choices=("tuning", "held-out"), default="tuning")
    args = parser.parse_args()
    articles, found = run(args.jobs, args.limit)
    results = score(articles, found)
    if args.show:
        for key in sorted(articles):
            gold = articles[key].get(args.show)
            ours = found["newsindex"][key].get(args.show)
            if gold and half_of(key) == args.half and not same(args.show, gold, ours):
                theirs = found["trafilatura"][key].get(args.show)
                print(f"{key}  gold={gold!r}\n      ours={ours!r}\n      traf={theirs!r}")
    print("wcxb_dev article pages: exact title, author set, publication day (pages with a gold value)")
    print(f"{'half':<10}{'field':<11}{'pages':>6}{'trafilatura':>13}{'newsindex':>11}")
    for half in ("tuning", "held-out"):
        for field, row in results[half].items():
            print(f"{half:<10}{field:<11}{row['pages']:>6}{row['trafilatura']:>13.3f}{row['newsindex']:>11.3f}")
    if not args.limit:
        results["pages"] = page_hits(articles, found)
        print(f"results: {write_result('eval-metadata', results)}")


if __name__ == "__main__":
    main()
