"""Boilerplate removal on fresh news sites written blind (bench/freshsites): per site, story blocks kept and
furniture blocks gone, on the ingest path (every stage, a fresh store), with the pages in the gold's order and
reversed. ``freshsites.TUNED`` are the tuned sites, every other one is held out (never tuned on): both reported.

    python bench/eval_freshsites.py          # writes bench/results/freshsites.json
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from pathlib import Path

import freshsites
from common import write_result

from pipelines.runner import build_stages, run_batch

BASE = "http://127.0.0.1:8000"  # the pages are read from disk; no request is made


def documents(site_dir: Path, order: list[str]) -> dict[str, dict]:
    """The site's pages through every stage, in this order, with a store of their own; documents by path."""
    stages = build_stages({"NEWSINDEX_STORE_PATH": ":memory:", "NEWSINDEX_QUALITY_PATH": None})
    failures: list[str] = []
    try:
        docs = run_batch(freshsites.raw_items(site_dir, BASE, order), stages,
                         lambda item, reason: failures.append(f"{item.get('url')}: {reason}"))
        found = {doc["fetched_url"][len(BASE):] if doc.get("fetched_url") else doc["url"][len(BASE):]: doc
                 for doc in docs}
    finally:
        for stage in stages:
            stage.close()
    for failure in failures:
        print(f"  failed: {failure}", file=sys.stderr)
    return found


def run(out: Path) -> dict:
    results = {}
    for name in freshsites.build(out):
        site_dir = out / name
        paths = list(freshsites.gold(site_dir)["pages"])
        by_order = {}
        for label, order in (("gold order", paths), ("reversed", paths[::-1])):
            score = freshsites.score_site(site_dir, BASE, documents(site_dir, order))
            by_order[label] = score.as_dict()
        languages = freshsites.gold(site_dir)["languages"]
        results[name] = {"held_out": freshsites.held_out(name), "languages": languages, **by_order}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list the blocks lost and the furniture left")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="newsindex-freshsites-") as out:
        results = run(Path(out))
    print(f"{'site':<16}{'set':<10}{'languages':<14}{'pages':>6}{'clean':>7}{'story kept':>13}{'furniture gone':>17}"
          f"{'captions':>10}  furniture left")
    for name, result in results.items():
        r = result["gold order"]
        left = ", ".join(f"{kind} {n}" for kind, n in sorted(r["left"].items())) or "-"
        print(f"{name:<16}{'held-out' if result['held_out'] else 'tuned':<10}{','.join(result['languages']):<14}"
              f"{r['pages']:>6}{r['pages_clean']:>7}{r['story_kept']:>7}/{r['story']:<5}"
              f"{r['furniture_gone']:>10}/{r['furniture']:<6}{r['captions_kept']:>4}/{r['captions']:<5}  {left}")
        same = result["reversed"] == result["gold order"]
        lost = r["story"] - r["story_kept"]
        print(f"{'':<16}reversed page order: {'the same' if same else 'DIFFERENT'}; story blocks lost: {lost} "
              f"({r['lost_by_rules']} removed by our rules, {lost - r['lost_by_rules']} left out by trafilatura)")
        if args.show:
            for line in r["lost"]:
                print(f"    LOST   {line}")
            for line in r["stayed"]:
                print(f"    STAYED {line}")
    print(f"results: {write_result('freshsites', results)}")


if __name__ == "__main__":
    main()
