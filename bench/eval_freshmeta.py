"""Metadata on fresh news pages written blind (bench/freshmeta): exact headline, author set and publication day,
newsindex's extraction stage against trafilatura ``bare_extraction(with_metadata=True, include_comments=False)``
on the same ~80 pages of 12 invented publications in 9 languages, scored with bench/eval_metadata.py's ``same()``.
Nobody wrote extraction rules next to these pages: every page is held out.

    python bench/eval_freshmeta.py             # writes bench/results/freshmeta.json
    python bench/eval_freshmeta.py --show author   # the newsindex misses of one field, to read
"""

from __future__ import annotations

import argparse
import json
import logging
import tempfile
from collections import defaultdict
from pathlib import Path

from common import write_result
from eval_metadata import FIELDS, SYSTEMS, page_answers, same
from freshmeta.pages import build


def run() -> tuple[list[dict], dict[str, dict[str, dict]]]:
    """The gold entries and, per page key, each system's answers."""
    logging.disable(logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="freshmeta-") as folder:
        entries = build(Path(folder))
        found = {}
        for entry in entries:
            _, theirs, ours = page_answers((entry["key"], entry["url"], (Path(folder) / entry["file"]).read_bytes()))
            found[entry["key"]] = {"trafilatura": theirs, "newsindex": ours}
    return entries, found


def hit(field: str, entry: dict, answer: dict) -> int:
    """1 when the system's answer is the gold's; a page with no gold date is hit by saying no date."""
    if field == "published" and not entry["published"]:
        return int(not answer.get("published"))
    return int(same(field, entry[field], answer.get(field)))


def shares(entries: list[dict], found: dict) -> dict:
    """Per field: pages and each system's exact-match share; 'no author' is the pages with no person author
    where a system names nobody (naming an agency or the site costs there), 'author' the pages with one."""
    rows = {}
    groups = {"title": entries, "author": [e for e in entries if e["author"]],
              "no author": [e for e in entries if not e["author"]], "published": entries}
    for name, group in groups.items():
        field = "author" if name == "no author" else name
        rows[name] = {"pages": len(group)} | {
            system: round(sum(hit(field, e, found[e["key"]][system]) for e in group) / max(len(group), 1), 4)
            for system in SYSTEMS}
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", choices=FIELDS, help="print the newsindex misses of one field")
    args = parser.parse_args()
    entries, found = run()
    if args.show:
        for e in entries:
            answers = found[e["key"]]
            if not hit(args.show, e, answers["newsindex"]):
                print(f"{e['key']}  gold={e[args.show]!r}\n      ours={answers['newsindex'].get(args.show)!r}\n"
                      f"      traf={answers['trafilatura'].get(args.show)!r}")
    overall = shares(entries, found)
    by_pub: dict[str, list[dict]] = defaultdict(list)
    for e in entries:
        by_pub[e["publication"]].append(e)
    publications = {name: {"lang": group[0]["lang"]} | shares(group, found) for name, group in by_pub.items()}
    print(f"freshmeta: {len(entries)} pages written blind, {len(by_pub)} publications; exact-match share")
    print(f"{'field':<11}{'pages':>6}{'trafilatura':>13}{'newsindex':>11}")
    for field, row in overall.items():
        print(f"{field:<11}{row['pages']:>6}{row['trafilatura']:>13.3f}{row['newsindex']:>11.3f}")
    labels = {"title": "title", "author": "author", "no author": "nobody", "published": "day"}
    print(f"\nper publication, trafilatura/newsindex\n{'publication':<19}{'lang':<5}{'pages':>5}"
          + "".join(f"{labels[f]:>14}" for f in overall))
    for name, rows in publications.items():
        cells = "".join(f"{rows[f]['trafilatura']:>8.2f}/{rows[f]['newsindex']:.2f}" if rows[f]["pages"] else
                        f"{'–':>14}" for f in overall)
        print(f"{name:<19}{rows['lang']:<5}{rows['title']['pages']:>5}{cells}")
    pages = {e["key"]: {system: {field: hit(field, e, found[e["key"]][system]) for field in FIELDS}
                        for system in SYSTEMS} for e in entries}
    answers = {e["key"]: {"gold": {f: e[f] for f in FIELDS}} | {
        system: {f: found[e["key"]][system].get(f) for f in FIELDS} for system in SYSTEMS} for e in entries}
    result = {"overall": overall, "publications": publications, "pages": pages, "answers": answers}
    json.dumps(result)  # fails here, not half-written, on a value JSON cannot hold
    print(f"results: {write_result('freshmeta', result)}")


if __name__ == "__main__":
    main()
