"""Full crawl of a large fixture site: newsindex (spider + every stage + Elasticsearch) vs a bare
Scrapy spider that only stores bodies, same site, same settings, same run, rounds interleaved.

Two conditions: a server answering with realistic latency (the usual case: crawls are network-
and politeness-bound), and one answering instantly (the CPU cost of our pipeline laid bare).

    python bench/bench_crawl.py [--pages 2000] [--latency 0.1] [--rounds 2] [--conditions polite,aggressive,cpu]

The crawls' indices and templates, and their stores, are deleted at the end, also on failure.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, leave_node_as_found, node_client, write_result

sys.path.insert(0, str(ROOT / "tests"))
from fixture_site import FixtureSite  # noqa: E402

from pipelines.config import load_settings  # noqa: E402

SETTINGS = {"AUTOTHROTTLE_ENABLED": "False", "CONCURRENT_REQUESTS_PER_DOMAIN": "16", "DOWNLOAD_DELAY": "0",
            "CONCURRENT_REQUESTS": "16", "LOG_LEVEL": "INFO", "ROBOTSTXT_OBEY": "True"}


def run(cmd: list[str], env: dict) -> float:
    """The crawl's own elapsed time (Scrapy's stats): process start-up is left out for both."""
    proc = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"bench: {' '.join(cmd[:3])} failed: {proc.stderr[-1500:]}")
    found = re.search(r"'elapsed_time_seconds': ([0-9.]+)", proc.stderr)
    if not found:
        raise SystemExit(f"bench: no elapsed time in the output of {' '.join(cmd[:3])}")
    return float(found.group(1))


def one_condition(pages: int, latency: float, concurrency: int, rounds: int, work: Path) -> dict:
    rates = {"newsindex crawl": [], "bare spider": []}
    # Global and per-domain limits alike: a one-site crawl with CONCURRENT_REQUESTS 16 but 4 per domain
    # ran the bare spider itself at 16 pages/s against this server, far under the 40 pages/s allowed.
    settings = {**SETTINGS, "CONCURRENT_REQUESTS_PER_DOMAIN": str(concurrency), "CONCURRENT_REQUESTS": str(concurrency)}
    for round_no in range(rounds):
        with FixtureSite(extra_articles=pages, delay=latency) as site:
            sources = work / "sources.yaml"
            options = ", ".join(f"{k}: {v}" for k, v in settings.items())
            sources.write_text(f"sites:\n  bench:\n    domains: ['127.0.0.1']\n"
                               f"    sitemaps: ['{site.url('/sitemap.xml')}']\n    allow: ['/news/']\n"
                               f"    depth: 0\n    settings: {{{options}}}\n")
            env = {**os.environ, "NEWSINDEX_SOURCES": str(sources), "NEWSINDEX_ALIAS": f"bench-crawl-{round_no}",
                   "NEWSINDEX_STORE_PATH": str(work / f"store-{latency}-{round_no}.sqlite"),
                   "NEWSINDEX_HOME": str(work / "home"), "TMPDIR": str(work)}  # a killed crawler's files go too
            ours = run([sys.executable, "-m", "newsindex.cli", "crawl", "bench"], env)
            fetched_ours = sum(v for k, v in site.full_responses.items() if k.startswith("/news/2024/02/"))
            site.full_responses.clear()
            bare_cmd = [sys.executable, "-m", "scrapy", "runspider", str(ROOT / "bench" / "bare_spider.py"),
                        "-a", f"sitemap={site.url('/sitemap.xml')}", "-a", f"out={work / 'bodies.bin'}"]
            for key, value in settings.items():
                bare_cmd += ["-s", f"{key}={value}"]
            bare = run(bare_cmd, env)
            fetched_bare = sum(v for k, v in site.full_responses.items() if k.startswith("/news/2024/02/"))
        rates["newsindex crawl"].append(fetched_ours / ours)
        rates["bare spider"].append(fetched_bare / bare)
    best = {name: max(values) for name, values in rates.items()}
    return {"pages_per_s": best, "ratio": best["newsindex crawl"] / best["bare spider"]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--latency", type=float, default=0.1, help="server response time in seconds")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--conditions", default="polite,aggressive,cpu",
                        help="which of the three conditions to run, comma-separated (a quick trial: cpu)")
    args = parser.parse_args()
    settings = load_settings()
    client = node_client(settings)
    work = Path(tempfile.mkdtemp(prefix="newsindex-bench-crawl-"))
    conditions = {  # key: (name, server latency, requests in flight to the one host)
        "polite": (f"polite: {args.latency * 1000:.0f} ms, 4 per domain", args.latency, 4),
        "aggressive": (f"aggressive: {args.latency * 1000:.0f} ms, 16 per domain", args.latency, 16),
        "cpu": ("CPU-bound: 0 ms, 16 per domain", 0.0, 16),
    }
    chosen = [conditions[key] for key in args.conditions.split(",")]
    # The crawls' indices (bench-crawl-<round>-…, their history and templates) are deleted, also on failure.
    try:
        with leave_node_as_found(client, "bench-crawl"):
            (work / "home").mkdir()
            (work / "home" / "node").symlink_to(settings.node_dir)
            results = {name: one_condition(args.pages, latency, concurrency, args.rounds, work)
                       for name, latency, concurrency in chosen}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"full crawl of a {args.pages}-article fixture site, best of {args.rounds} interleaved rounds "
          "(Scrapy's elapsed time; node, site and crawler share the machine's cores)")
    for name, result in results.items():
        rates = result["pages_per_s"]
        print(f"  {name:<48} newsindex {rates['newsindex crawl']:6.1f} pages/s   bare spider "
              f"{rates['bare spider']:6.1f} pages/s   ratio {result['ratio']:.2f}")
    write_result("crawl", results)


if __name__ == "__main__":
    main()
