"""Score the pipeline on the project's own multilingual dev set (bench/devset): for every page, each story
paragraph kept (nothing lost) and kept once, each piece of furniture removed, and title, author, date and
tags found.

    python bench/eval_devset.py            # prints the checks that fail and a summary per kind
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections import Counter

from common import ROOT, write_result

from pipelines.decode import DecodeStage
from pipelines.extract import ExtractStage

DEVSET = ROOT / "bench" / "devset"


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def check_page(doc: dict | None, expected: dict) -> list[tuple[str, str, bool]]:
    """(kind, what, passed) for every check of one page."""
    kept = [_norm(p) for p in (doc or {}).get("paragraphs", [])]
    text = " " + " ".join(kept) + " "
    checks = [("content", p[:60], _norm(p) in kept) for p in expected["content"]]
    checks += [("once", p[:60], kept.count(_norm(p)) <= 1) for p in expected["content"]]  # no copy kept twice
    checks += [("boilerplate", b[:60], f" {_norm(b)} " not in text) for b in expected["boilerplate"]]
    doc = doc or {}
    checks.append(("title", expected["title"][:60], _norm(doc.get("title") or "") == _norm(expected["title"])))
    checks.append(("author", expected["author"], expected["author"] in (doc.get("author") or [])))
    checks.append(("published", expected["published"], (doc.get("published") or "").startswith(expected["published"])))
    found_tags = {_norm(t) for t in doc.get("tags") or []}
    checks.append(("tags", ", ".join(expected["tags"]), {_norm(t) for t in expected["tags"]} <= found_tags))
    return checks


def run() -> dict:
    logging.disable(logging.WARNING)
    expected = json.loads((DEVSET / "expected.json").read_text(encoding="utf-8"))
    decode, extract = DecodeStage(), ExtractStage()
    passed, total = Counter(), Counter()
    failures = []
    for name, want in sorted(expected.items()):
        item = {"source": str(DEVSET / "pages" / name), "url": want["url"],
                "body": (DEVSET / "pages" / name).read_bytes(), "content_type": None}
        try:
            doc = extract.process(decode.process(item))
        except Exception as exc:  # a page with no article is a failed check of every kind, not a crash
            doc = None
            failures.append(f"{name}: no document ({exc})")
        for kind, what, ok in check_page(doc, want):
            total[kind] += 1
            passed[kind] += ok
            if not ok:
                failures.append(f"{name}: {kind}: {what}")
    return {"pages": len(expected), "passed": dict(passed), "total": dict(total), "failures": failures}


def main() -> None:
    result = run()
    for line in result["failures"]:
        print(f"  FAIL {line}", file=sys.stderr)
    print(f"dev set: {result['pages']} pages, "
          f"{len({n.split('-')[0] for n in json.loads((DEVSET / 'expected.json').read_text())})} languages")
    for kind in result["total"]:
        print(f"  {kind:<12} {result['passed'].get(kind, 0):>4}/{result['total'][kind]:<4}")
    print(f"results: {write_result('devset', result)}")


if __name__ == "__main__":
    main()
